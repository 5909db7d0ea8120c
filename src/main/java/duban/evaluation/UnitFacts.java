package duban.evaluation;

import java.util.List;

/**
 * What counts in one unit's evaluation in one role, as of the evaluation's cut-off. Tasks closed as 容错免责 are
 * already left out of every count (task 28: 不作负面评价) and only counted in {@code exempted}.
 *
 * @param tasksDue tasks whose time has come: done, or open past their due date
 * @param steps 签收 (acknowledgements) and reports for a lead unit; contributions for a supporting unit
 * @param toleranceNotes 容错 outcomes to record beside the score, e.g. "任务28 从轻处理"
 */
public record UnitFacts(String unit, Role role, int tasks, int tasksDue, int doneOnTime, int overdueTasks,
    int overdueDays, int returns, Ratio acknowledgements, Ratio steps, int exempted, List<String> toleranceNotes) {

  public enum Role {
    LEAD("牵头单位"),
    SUPPORTING("配合单位");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How many of the due ones were in time. */
  public record Ratio(int inTime, int due) {

    public static final Ratio NONE = new Ratio(0, 0);

    public Ratio plus(boolean wasInTime) {
      return new Ratio(inTime + (wasInTime ? 1 : 0), due + 1);
    }

    /** 1 when nothing was due: nothing counts against the unit. */
    double share() {
      return due == 0 ? 1.0 : (double) inTime / due;
    }
  }
}
