package duban.plan;

import duban.plan.PlanFormatException.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What reading a table found, whether or not it can be imported: the preview shows all of it.
 *
 * @param columns header text → role key, in table order
 * @param tasks every task row as far as it could be read
 * @param plan the plan, or null while there is any error
 */
record Reading(String title, Integer year, Map<String, String> columns, List<Draft> tasks, List<Problem> problems,
    List<UnknownUnit> unknownUnits, Plan plan) {

  /** A task row as read; fields it could not read are null. Units not in the directory have a null code. */
  record Draft(int row, Integer number, String section, String item, String measure, String timeRequirement,
      LocalDate deadline, String cycle, List<LocalDate> milestones, List<UnitRef> leadUnits,
      List<UnitRef> supportingUnits) {}

  /** A unit name as written that the directory does not know, with the codes of the closest directory units. */
  record UnknownUnit(String name, List<String> suggestions) {}

  boolean importable() {
    return plan != null;
  }
}
