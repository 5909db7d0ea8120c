package duban.tolerance;

import static duban.tolerance.ToleranceVariables.*;

import duban.engine.WithoutCaller;
import duban.reminder.Notices;
import duban.security.UnitAccess;
import duban.supervision.SupervisionEvents.Kind;
import duban.supervision.SupervisionJournal;
import duban.supervision.SupervisionProcess;
import duban.supervision.TaskSnapshot;
import duban.supervision.SupervisionVariables;
import duban.supervision.Today;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * What each step of a 容错 application does, and its effects on the task it concerns: while it is open the task's
 * overdue escalation pauses; 免责 closes the task; 从轻减轻 and 不予容错 let it resume with the determination on record.
 */
@Service
class ToleranceService {

  /** The task's context, copied onto the application so its forms and notices read like the task's. */
  private static final List<String> CONTEXT = List.of(SupervisionVariables.PLAN_CODE.name(),
      SupervisionVariables.TASK_NUMBER.name(), SupervisionVariables.TASK_TITLE.name(), SupervisionVariables.MEASURE.name(),
      SupervisionVariables.DEADLINE.name(), SupervisionVariables.DEADLINE_TEXT.name(), SupervisionVariables.LONG_TERM.name(),
      SupervisionVariables.REPORT_DUE_DATE.name(), SupervisionVariables.LEAD_UNIT_NAMES.name());

  private final Eligibility eligibility;
  private final ToleranceLimits limits;
  private final Notices notices;
  private final UnitDirectory directory;
  private final SupervisionJournal journal;

  ToleranceService(Eligibility eligibility, ToleranceLimits limits, Notices notices, UnitDirectory directory,
      SupervisionJournal journal) {
    this.eligibility = eligibility;
    this.limits = limits;
    this.notices = notices;
    this.directory = directory;
    this.journal = journal;
  }

  /** 容错申请: checks the applicant, ties the application to its task and pauses the task's escalation. */
  void filed(DelegateExecution execution) {
    String applicant = (String) execution.getVariable(APPLICANT);
    List<String> groups = applicant == null ? List.of() : execution.getProcessEngineServices().getIdentityService()
        .createGroupQuery().groupMember(applicant).list().stream().map(Group::getId).toList();
    List<String> problems = new ArrayList<>();
    Eligibility.Target target = eligibility.check((String) execution.getVariable(TASK_KEY), groups, problems);
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("容错申请被拒绝：" + String.join("；", problems));
    }
    String unit = (String) target.variables().get(SupervisionVariables.PRIMARY_LEAD_UNIT.name());
    String taskKey = target.supervision().getBusinessKey();
    CONTEXT.forEach(name -> execution.setVariable(name, target.variables().get(name)));
    execution.setVariable(TASK_KEY, taskKey);
    execution.setVariable(SUPERVISION_INSTANCE, target.supervision().getId());
    execution.setVariable(APPLICANT_UNIT, unit);
    execution.setVariable(APPLICANT_UNIT_NAME, directory.byCode(unit).map(Unit::shortName).orElse(unit));
    String key = taskKey + "-RC" + applicationsSoFar(execution, taskKey);
    execution.setProcessBusinessKey(key);
    execution.setVariable(APPLICATION_KEY, key);
    UnitAccess.syncInstanceReaders(execution.getProcessEngineServices(), execution.getProcessInstanceId(),
        List.of(unit));
    onTask(execution, SupervisionVariables.TOLERANCE_OPEN.name(), true);
    putOnRecord(execution, Kind.TOLERANCE_FILED,
        "提出容错申请（" + key + "）：" + execution.getVariable("whatHappened") + "。本任务的逾期督办暂停");
  }

  /** The application is over (declined, or determined): the task's escalation resumes unless the task is closed. */
  void closed(DelegateExecution execution) {
    if (EXEMPT.equals(execution.getVariable(FINAL_DETERMINATION))) {
      return; // 免责 has just closed the task itself
    }
    onTask(execution, SupervisionVariables.TOLERANCE_OPEN.name(), false);
    putOnRecord(execution, Kind.TOLERANCE_CLOSED, (execution.getVariable(FINAL_DETERMINATION) == null
        ? "容错申请不予受理：" + execution.getVariable(OPEN_REASON) : "容错申请办结：" + execution.getVariable(FINAL_DETERMINATION))
        + "，恢复督办");
  }

  /** 组织认定 (or 复核认定) takes effect on the task. */
  void applyDetermination(DelegateExecution execution) {
    boolean redetermined = execution.getVariable(REDETERMINATION) != null;
    String outcome = (String) execution.getVariable(redetermined ? REDETERMINATION : DETERMINATION);
    String reasoning = (String) execution.getVariable(redetermined ? REDETERMINATION_REASONING : DETERMINATION_REASONING);
    execution.setVariable(FINAL_DETERMINATION, outcome);
    String record = outcome + "（" + execution.getProcessBusinessKey() + (redetermined ? "，经复核" : "") + "）：" + reasoning;
    String supervision = (String) execution.getVariable(SUPERVISION_INSTANCE);
    WithoutCaller.call(execution.getProcessEngineServices().getIdentityService(), () -> {
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(supervision).count() == 0) {
        return null; // the task ended meanwhile (signed off)
      }
      runtime.setVariable(supervision, SupervisionVariables.TOLERANCE_DETERMINATION.name(), record);
      putOnRecord(execution, Kind.TOLERANCE_DECIDED, (redetermined ? "复核认定：" : "组织认定：") + record);
      if (EXEMPT.equals(outcome)) {
        runtime.createMessageCorrelation(SupervisionProcess.TOLERANCE_EXEMPTED).processInstanceId(supervision).correlate();
      }
      return null;
    });
  }

  /** Tells the applicant unit, with the supervision office in copy. */
  void notifyApplicant(DelegateExecution execution) {
    String situation = switch (execution.getCurrentActivityId()) {
      case "ServiceTask_NotifyDeclined" -> "容错申请不予受理。理由：" + execution.getVariable(OPEN_REASON);
      case "ServiceTask_NotifyDetermination" -> "认定结果：" + execution.getVariable(DETERMINATION) + "。理由："
          + execution.getVariable(DETERMINATION_REASONING) + "。如有异议，可在 " + limits.limitDay("APPEAL")
          + " 前在督办系统中提出申诉（仅限一次）";
      default -> "复核认定结果：" + execution.getVariable(REDETERMINATION) + "。理由："
          + execution.getVariable(REDETERMINATION_REASONING);
    };
    notices.tolerance(execution, execution.getCurrentActivityId(), List.of((String) execution.getVariable(APPLICANT_UNIT)),
        List.of(SupervisionProcess.SUPERVISION_GROUP), situation);
  }

  /** A 容错 step passed its limit: the deciding body is reminded. */
  void remindStep(DelegateExecution execution) {
    String step = switch (execution.getCurrentActivityId()) {
      case "ServiceTask_RemindOpenInvestigation" -> "OPEN";
      case "ServiceTask_RemindVerifyFacts" -> "VERIFY";
      case "ServiceTask_RemindDetermineOutcome" -> "DETERMINE";
      default -> "REDETERMINE";
    };
    notices.tolerance(execution, "step-" + execution.getActivityInstanceId(), List.of(ToleranceSetup.TOLERANCE_GROUP),
        List.of(), "「" + ToleranceLimits.STEPS.get(step) + "」已超过 " + limits.days(step) + " 个工作日办理时限");
  }

  /** Names every step's task after the task and applicant, and gives it its due date. */
  void taskCreated(DelegateTask task) {
    String step = switch (task.getTaskDefinitionKey()) {
      case "Task_OpenInvestigation" -> "OPEN";
      case "Task_VerifyFacts" -> "VERIFY";
      case "Task_DetermineOutcome" -> "DETERMINE";
      case "Task_ConsiderAppeal" -> "APPEAL";
      default -> "REDETERMINE";
    };
    LocalDate due = limits.limitDay(step);
    if (step.equals("APPEAL")) {
      task.setVariable(APPEAL_ENDS_TEXT, due + " 24:00");
    }
    task.setName("〔" + task.getVariable(SupervisionVariables.TASK_NUMBER.name()) + "〕容错·" + task.getName() + "（"
        + task.getVariable(APPLICANT_UNIT_NAME) + "）");
    task.setDueDate(limits.closeOfBusiness(due));
  }

  private static int applicationsSoFar(DelegateExecution execution, String taskKey) {
    long earlier = WithoutCaller.call(execution.getProcessEngineServices().getIdentityService(),
        () -> execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKeyLike(taskKey + "-RC%").count());
    return (int) earlier + 1;
  }

  /** Puts a step of the application on the task's record, with the task's state as it now is. */
  private void putOnRecord(DelegateExecution execution, Kind kind, String text) {
    String supervision = (String) execution.getVariable(SUPERVISION_INSTANCE);
    TaskSnapshot task = WithoutCaller.call(execution.getProcessEngineServices().getIdentityService(), () -> {
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(supervision).count() == 0) {
        return null;
      }
      Map<String, Object> variables = runtime.getVariables(supervision);
      return TaskSnapshot.of(variables::get);
    });
    journal.record((String) execution.getVariable(SupervisionVariables.PLAN_CODE.name()),
        ((Number) execution.getVariable(SupervisionVariables.TASK_NUMBER.name())).intValue(), supervision, kind,
        (String) execution.getVariable(APPLICANT_UNIT_NAME), text, task);
  }

  private static void onTask(DelegateExecution execution, String name, Object value) {
    String supervision = (String) execution.getVariable(SUPERVISION_INSTANCE);
    WithoutCaller.call(execution.getProcessEngineServices().getIdentityService(), () -> {
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(supervision).count() > 0) {
        runtime.setVariable(supervision, name, value);
      }
      return null;
    });
  }
}
