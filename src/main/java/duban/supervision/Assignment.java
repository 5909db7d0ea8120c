package duban.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * What a task's supervision starts from: one row of a plan, as supervision needs it. The plan package reads tables and
 * hands this over, so supervision knows nothing of tables.
 *
 * @param deadline null for a long-term (长期) task
 * @param leadUnits in table order; the first is the primary lead (主办)
 */
public record Assignment(int number, String measure, String timeRequirement, LocalDate deadline,
    List<AssignedUnit> leadUnits, List<AssignedUnit> supportingUnits) {

  public Assignment {
    leadUnits = List.copyOf(leadUnits);
    supportingUnits = List.copyOf(supportingUnits);
  }

  public boolean longTerm() {
    return deadline == null;
  }

  /**
   * One unit named in a lead or supporting cell.
   *
   * @param units the concrete units it stands for (a collective's members); empty if they must be designated
   * @param needsDesignation true for collectives like 园区 that the table cannot expand
   */
  public record AssignedUnit(String name, String code, List<String> units, boolean needsDesignation) {

    public AssignedUnit {
      units = List.copyOf(units);
    }
  }
}
