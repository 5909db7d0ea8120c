package duban.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** The engine's validation failures in the office's words, naming the step concerned; unknown ones keep the engine's text. */
final class FailureText {

  private FailureText() {}

  private static final Map<String, String> KNOWN = Map.of(
      "There is no migration instruction for this instance's activity",
      "新版本中没有与此环节对应的环节（缺少映射，请在 mappings 中指定）",
      "There are multiple mappings for source activity id",
      "同一源环节被映射了多次",
      "Activities have incompatible types",
      "源环节与目标环节的类型不同，不能映射",
      "The type of the source activity is not supported for activity instance migration",
      "引擎不支持迁移停在此类环节的实例");

  static List<String> of(MigratingProcessInstanceValidationReport report, BpmnModelInstance sourceModel) {
    List<String> reasons = new ArrayList<>();
    report.getFailures().forEach(f -> reasons.add(text(f)));
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(f -> reasons.add(step(sourceModel, activity.getSourceScopeId()) + text(f)));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(f -> reasons.add(step(sourceModel, transition.getSourceScopeId()) + text(f)));
    }
    return reasons;
  }

  static List<String> of(MigrationPlanValidationReport report, BpmnModelInstance sourceModel) {
    List<String> problems = new ArrayList<>();
    for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
      String mapping = "映射「" + MigrationPlanner.nameOf(sourceModel, instruction.getMigrationInstruction().getSourceActivityId())
          + "」（" + instruction.getMigrationInstruction().getSourceActivityId() + " → "
          + instruction.getMigrationInstruction().getTargetActivityId() + "）：";
      instruction.getFailures().forEach(f -> problems.add(mapping + text(f)));
    }
    for (Map.Entry<String, MigrationVariableValidationReport> variable : report.getVariableReports().entrySet()) {
      variable.getValue().getFailures().forEach(f -> problems.add("变量「" + variable.getKey() + "」：" + text(f)));
    }
    return problems;
  }

  private static String step(BpmnModelInstance model, String activityId) {
    return "停留在「" + MigrationPlanner.nameOf(model, activityId) + "」（" + activityId + "）：";
  }

  private static String text(String failure) {
    for (Map.Entry<String, String> known : KNOWN.entrySet()) {
      if (failure.startsWith(known.getKey())) {
        return known.getValue();
      }
    }
    return "引擎校验未通过：" + failure;
  }
}
