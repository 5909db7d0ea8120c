package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The parts of {@code SubProcess_ReportPart}: one per reporting unit, each reported and reviewed on its own. The BPMN
 * asks it what a part's report form starts with; reminders ask it who is still outstanding.
 */
@Component("reportParts")
public class ReportParts {

  /**
   * A new part starts from the task's approved report where one reporting unit reports for all (a sign-off return
   * re-reviews it, a next period starts from it); a member of a broken-down task starts from its own empty form.
   */
  public Object carried(DelegateExecution execution, String variable) {
    return BREAKDOWN.isTrue(execution) ? null : execution.getVariable(variable);
  }

  /**
   * The lead units the work is still with: reminders and the overdue ladder go to them. In a broken-down task these are
   * the members whose part is neither approved nor in review; otherwise every lead unit, while the report is not in
   * review.
   */
  public static List<String> outstanding(VariableScope scope) {
    if (!BREAKDOWN.isTrue(scope)) {
      return AWAITING_REVIEW.isTrue(scope) ? List.of() : SupervisionLists.codes(LEAD_UNITS.get(scope));
    }
    List<String> units = new ArrayList<>(SupervisionLists.codes(REPORTING_UNITS.get(scope)));
    units.removeAll(SupervisionLists.codes(APPROVED_UNITS.get(scope)));
    units.removeAll(SupervisionLists.codes(UNITS_IN_REVIEW.get(scope)));
    return units;
  }

  static void add(VariableScope scope, Var<String> list, String unit) {
    List<String> units = new ArrayList<>(SupervisionLists.codes(list.get(scope)));
    if (!units.contains(unit)) {
      units.add(unit);
    }
    list.set(scope, SupervisionLists.join(units));
  }

  static void remove(VariableScope scope, Var<String> list, String unit) {
    List<String> units = new ArrayList<>(SupervisionLists.codes(list.get(scope)));
    units.remove(unit);
    list.set(scope, SupervisionLists.join(units));
  }

  /** Ordered from best to worst: a consolidated report is as complete as its least complete part. */
  private static final List<String> STATUSES = List.of("已完成", "基本完成", "未完成");

  static String worse(String current, String part) {
    if (current == null) {
      return part;
    }
    return STATUSES.indexOf(part) > STATUSES.indexOf(current) ? part : current;
  }
}
