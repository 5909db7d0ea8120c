package duban.plan;

import duban.supervision.Assignment;
import duban.supervision.Assignment.AssignedUnit;
import java.time.LocalDate;
import java.util.List;

/**
 * One numbered row of the table.
 *
 * @param timeRequirement the phrase as written, e.g. {@code “十四五”末}
 * @param deadline null for long-term (长期) and periodic (每年) tasks
 * @param leadUnits in table order; the first is the primary lead (主办), the rest co-lead
 * @param cycle the cycle a periodic phrase names (YEARLY, QUARTERLY, HALF_YEARLY, MONTHLY); null otherwise. The
 *     supervision process reports long-term tasks on the configured cycle and does not read this yet.
 * @param milestones earlier dates of a staged (分阶段) time requirement; recorded and shown, not supervised yet
 */
public record PlanTask(
    int number,
    int sectionNumber,
    int itemNumber,
    String measure,
    String timeRequirement,
    LocalDate deadline,
    List<UnitRef> leadUnits,
    List<UnitRef> supportingUnits,
    String cycle,
    List<LocalDate> milestones) {

  public PlanTask {
    leadUnits = List.copyOf(leadUnits);
    supportingUnits = List.copyOf(supportingUnits);
    milestones = milestones == null ? List.of() : List.copyOf(milestones);
    if (leadUnits.isEmpty()) {
      throw new IllegalArgumentException("task " + number + " has no lead unit");
    }
  }

  /** A task with a plain deadline (or 长期): no cycle of its own, no milestones. */
  public PlanTask(int number, int sectionNumber, int itemNumber, String measure, String timeRequirement,
      LocalDate deadline, List<UnitRef> leadUnits, List<UnitRef> supportingUnits) {
    this(number, sectionNumber, itemNumber, measure, timeRequirement, deadline, leadUnits, supportingUnits, null,
        List.of());
  }

  public boolean longTerm() {
    return deadline == null;
  }

  /** The row as supervision takes it. */
  public Assignment assignment() {
    return new Assignment(number, measure, timeRequirement, deadline, assigned(leadUnits), assigned(supportingUnits));
  }

  private static List<AssignedUnit> assigned(List<UnitRef> refs) {
    return refs.stream().map(r -> new AssignedUnit(r.name(), r.code(), r.units(), r.needsDesignation())).toList();
  }

  public UnitRef primaryLeadUnit() {
    return leadUnits.get(0);
  }
}
