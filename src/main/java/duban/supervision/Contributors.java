package duban.supervision;

import static duban.supervision.SupervisionVariables.CONTRIBUTOR_COUNT;
import static duban.supervision.SupervisionVariables.CONTRIBUTOR_UNITS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Who contributes before the primary lead unit reports: the co-lead units, then the supporting units. */
final class Contributors {

  private Contributors() {}

  static List<String> of(List<String> leads, List<String> supports) {
    List<String> contributors = new ArrayList<>(leads.isEmpty() ? List.of() : leads.subList(1, leads.size()));
    supports.stream().filter(s -> !contributors.contains(s) && !leads.contains(s)).forEach(contributors::add);
    return contributors;
  }

  static void put(Map<String, Object> variables, List<String> leads, List<String> supports) {
    List<String> contributors = of(leads, supports);
    CONTRIBUTOR_UNITS.put(variables, SupervisionLists.join(contributors));
    CONTRIBUTOR_COUNT.put(variables, contributors.size());
  }

  static void set(VariableScope scope, List<String> leads, List<String> supports) {
    List<String> contributors = of(leads, supports);
    CONTRIBUTOR_UNITS.set(scope, SupervisionLists.join(contributors));
    CONTRIBUTOR_COUNT.set(scope, contributors.size());
  }
}
