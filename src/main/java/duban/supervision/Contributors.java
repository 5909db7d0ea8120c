package duban.supervision;

import static duban.supervision.SupervisionVariables.BREAKDOWN;
import static duban.supervision.SupervisionVariables.CONTRIBUTOR_COUNT;
import static duban.supervision.SupervisionVariables.CONTRIBUTOR_UNITS;
import static duban.supervision.SupervisionVariables.REPORTING_UNITS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Who contributes and who reports. Normally the co-lead units, then the supporting units, contribute before the
 * primary lead unit reports for all. In a broken-down task every lead unit reports its own part, so only the
 * supporting units contribute (once, for every member to see).
 */
final class Contributors {

  private Contributors() {}

  static List<String> of(List<String> leads, List<String> supports, boolean breakdown) {
    List<String> contributors = new ArrayList<>(breakdown || leads.isEmpty() ? List.of() : leads.subList(1, leads.size()));
    supports.stream().filter(s -> !contributors.contains(s) && !leads.contains(s)).forEach(contributors::add);
    return contributors;
  }

  static List<String> reporting(List<String> leads, boolean breakdown) {
    return breakdown || leads.isEmpty() ? leads : leads.subList(0, 1);
  }

  static void put(Map<String, Object> variables, List<String> leads, List<String> supports, boolean breakdown) {
    List<String> contributors = of(leads, supports, breakdown);
    CONTRIBUTOR_UNITS.put(variables, SupervisionLists.join(contributors));
    CONTRIBUTOR_COUNT.put(variables, contributors.size());
    REPORTING_UNITS.put(variables, SupervisionLists.join(reporting(leads, breakdown)));
  }

  static void set(VariableScope scope, List<String> leads, List<String> supports) {
    boolean breakdown = BREAKDOWN.isTrue(scope);
    List<String> contributors = of(leads, supports, breakdown);
    CONTRIBUTOR_UNITS.set(scope, SupervisionLists.join(contributors));
    CONTRIBUTOR_COUNT.set(scope, contributors.size());
    REPORTING_UNITS.set(scope, SupervisionLists.join(reporting(leads, breakdown)));
  }
}
