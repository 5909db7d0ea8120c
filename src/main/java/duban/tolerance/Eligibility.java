package duban.tolerance;

import static duban.supervision.SupervisionVariables.*;

import duban.engine.WithoutCaller;
import duban.supervision.SupervisionProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Who may apply about which task: the primary lead unit of a running task, with no other application open about it.
 * Checked on the form submit (a 400 with the reason) and again when the process starts (for any other way in).
 */
@Component
class Eligibility {

  record Target(ProcessInstance supervision, Map<String, Object> variables) {}

  private final ProcessEngine engine;

  Eligibility(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The task applied about, or the reasons the application is refused. */
  Target check(String taskKey, List<String> applicantGroups, List<String> problems) {
    if (taskKey == null || taskKey.isBlank()) {
      problems.add("请填写任务编号");
      return null;
    }
    // the applicant cannot necessarily read the task's instance yet: look it up on the office's behalf
    Target target = WithoutCaller.call(engine.getIdentityService(), () -> {
      ProcessInstance supervision = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(SupervisionProcess.KEY).processInstanceBusinessKey(taskKey.strip()).singleResult();
      return supervision == null ? null
          : new Target(supervision, engine.getRuntimeService().getVariables(supervision.getId()));
    });
    if (target == null) {
      problems.add("没有正在办理的任务「" + taskKey + "」");
      return null;
    }
    Object primary = target.variables().get(PRIMARY_LEAD_UNIT.name());
    if (primary == null || !applicantGroups.contains(primary.toString())) {
      problems.add("只有任务「" + taskKey + "」的主办单位可以申请容错");
    }
    if (Boolean.TRUE.equals(target.variables().get(TOLERANCE_OPEN.name()))) {
      problems.add("任务「" + taskKey + "」已有办理中的容错申请");
    }
    return target;
  }

  List<String> problems(String taskKey, List<String> applicantGroups) {
    List<String> problems = new ArrayList<>();
    check(taskKey, applicantGroups, problems);
    return problems;
  }
}
