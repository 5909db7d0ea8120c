package duban.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * One numbered row of the table.
 *
 * @param timeRequirement the phrase as written, e.g. {@code “十四五”末}
 * @param deadline null for long-term (长期) tasks
 * @param leadUnits in table order; the first is the primary lead (主办), the rest co-lead
 */
public record PlanTask(
    int number,
    int sectionNumber,
    int itemNumber,
    String measure,
    String timeRequirement,
    LocalDate deadline,
    List<UnitRef> leadUnits,
    List<UnitRef> supportingUnits) {

  public PlanTask {
    leadUnits = List.copyOf(leadUnits);
    supportingUnits = List.copyOf(supportingUnits);
    if (leadUnits.isEmpty()) {
      throw new IllegalArgumentException("task " + number + " has no lead unit");
    }
  }

  public boolean longTerm() {
    return deadline == null;
  }

  public UnitRef primaryLeadUnit() {
    return leadUnits.get(0);
  }
}
