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
import duban.tolerance.ToleranceProcess.Step;
import duban.unit.Role;
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
    String applicant = APPLICANT.get(execution);
    List<String> groups = applicant == null ? List.of() : execution.getProcessEngineServices().getIdentityService()
        .createGroupQuery().groupMember(applicant).list().stream().map(Group::getId).toList();
    List<String> problems = new ArrayList<>();
    Eligibility.Target target = eligibility.check(TASK_KEY.get(execution), groups, problems);
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("容错申请被拒绝：" + String.join("；", problems));
    }
    String unit = (String) target.variables().get(SupervisionVariables.PRIMARY_LEAD_UNIT.name());
    String taskKey = target.supervision().getBusinessKey();
    CONTEXT.forEach(name -> execution.setVariable(name, target.variables().get(name)));
    TASK_KEY.set(execution, taskKey);
    SUPERVISION_INSTANCE.set(execution, target.supervision().getId());
    APPLICANT_UNIT.set(execution, unit);
    APPLICANT_UNIT_NAME.set(execution, directory.byCode(unit).map(Unit::shortName).orElse(unit));
    String key = taskKey + "-RC" + applicationsSoFar(execution, taskKey);
    execution.setProcessBusinessKey(key);
    APPLICATION_KEY.set(execution, key);
    UnitAccess.syncInstanceReaders(execution.getProcessEngineServices(), execution.getProcessInstanceId(),
        List.of(unit));
    onTask(execution, SupervisionVariables.TOLERANCE_OPEN.name(), true);
    putOnRecord(execution, Kind.TOLERANCE_FILED,
        "提出容错申请（" + key + "）：" + WHAT_HAPPENED.get(execution) + "。本任务的逾期督办暂停");
  }

  /** The application is over (declined, or determined): the task's escalation resumes unless the task is closed. */
  void closed(DelegateExecution execution) {
    if (Determination.EXEMPT.is(FINAL_DETERMINATION.get(execution))) {
      return; // 免责 has just closed the task itself
    }
    onTask(execution, SupervisionVariables.TOLERANCE_OPEN.name(), false);
    putOnRecord(execution, Kind.TOLERANCE_CLOSED, (FINAL_DETERMINATION.get(execution) == null
        ? "容错申请不予受理：" + OPEN_REASON.get(execution) : "容错申请办结：" + FINAL_DETERMINATION.get(execution))
        + "，恢复督办");
  }

  /** 组织认定 (or 复核认定) takes effect on the task. */
  void applyDetermination(DelegateExecution execution) {
    boolean redetermined = REDETERMINATION.get(execution) != null;
    String outcome = (redetermined ? REDETERMINATION : DETERMINATION).get(execution);
    String reasoning = (redetermined ? REDETERMINATION_REASONING : DETERMINATION_REASONING).get(execution);
    FINAL_DETERMINATION.set(execution, outcome);
    String record = outcome + "（" + execution.getProcessBusinessKey() + (redetermined ? "，经复核" : "") + "）：" + reasoning;
    String supervision = SUPERVISION_INSTANCE.get(execution);
    WithoutCaller.call(execution.getProcessEngineServices().getIdentityService(), () -> {
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(supervision).count() == 0) {
        return null; // the task ended meanwhile (signed off)
      }
      runtime.setVariable(supervision, SupervisionVariables.TOLERANCE_DETERMINATION.name(), record);
      putOnRecord(execution, Kind.TOLERANCE_DECIDED, (redetermined ? "复核认定：" : "组织认定：") + record);
      if (Determination.EXEMPT.is(outcome)) {
        runtime.createMessageCorrelation(SupervisionProcess.TOLERANCE_EXEMPTED).processInstanceId(supervision).correlate();
      }
      return null;
    });
  }

  /** Tells the applicant unit, with the supervision office in copy. */
  void notifyApplicant(DelegateExecution execution) {
    String situation = switch (execution.getCurrentActivityId()) {
      case ToleranceProcess.NOTIFY_DECLINED -> "容错申请不予受理。理由：" + OPEN_REASON.get(execution);
      case ToleranceProcess.NOTIFY_DETERMINATION -> "认定结果：" + DETERMINATION.get(execution) + "。理由："
          + DETERMINATION_REASONING.get(execution) + "。如有异议，可在 " + limits.limitDay(Step.APPEAL)
          + " 前在督办系统中提出申诉（仅限一次）";
      default -> "复核认定结果：" + REDETERMINATION.get(execution) + "。理由："
          + REDETERMINATION_REASONING.get(execution);
    };
    notices.tolerance(execution, execution.getCurrentActivityId(), List.of(APPLICANT_UNIT.get(execution)),
        List.of(Role.SUPERVISION.groupId()), situation);
  }

  /** A 容错 step passed its limit: the deciding body is reminded. */
  void remindStep(DelegateExecution execution) {
    Step step = Step.ofReminder(execution.getCurrentActivityId());
    notices.tolerance(execution, "step-" + execution.getActivityInstanceId(), List.of(Role.TOLERANCE.groupId()),
        List.of(), "「" + step.label() + "」已超过 " + limits.days(step) + " 个工作日办理时限");
  }

  /** Names every step's task after the task and applicant, and gives it its due date. */
  void taskCreated(DelegateTask task) {
    Step step = Step.ofTask(task.getTaskDefinitionKey());
    LocalDate due = limits.limitDay(step);
    if (step == Step.APPEAL) {
      APPEAL_ENDS_TEXT.set(task, due + " 24:00");
    }
    task.setName("〔" + SupervisionVariables.TASK_NUMBER.get(task) + "〕容错·" + task.getName() + "（"
        + APPLICANT_UNIT_NAME.get(task) + "）");
    task.setDueDate(limits.closeOfBusiness(due));
  }

  private static int applicationsSoFar(DelegateExecution execution, String taskKey) {
    long earlier = WithoutCaller.call(execution.getProcessEngineServices().getIdentityService(),
        () -> execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(ToleranceProcess.KEY).processInstanceBusinessKeyLike(taskKey + "-RC%").count());
    return (int) earlier + 1;
  }

  /** Puts a step of the application on the task's record, with the task's state as it now is. */
  private void putOnRecord(DelegateExecution execution, Kind kind, String text) {
    String supervision = SUPERVISION_INSTANCE.get(execution);
    TaskSnapshot task = WithoutCaller.call(execution.getProcessEngineServices().getIdentityService(), () -> {
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(supervision).count() == 0) {
        return null;
      }
      Map<String, Object> variables = runtime.getVariables(supervision);
      return TaskSnapshot.of(variables::get);
    });
    journal.record(SupervisionVariables.PLAN_CODE.get(execution), SupervisionVariables.TASK_NUMBER.get(execution),
        supervision, kind,
        APPLICANT_UNIT_NAME.get(execution), text, task);
  }

  private static void onTask(DelegateExecution execution, String name, Object value) {
    String supervision = SUPERVISION_INSTANCE.get(execution);
    WithoutCaller.call(execution.getProcessEngineServices().getIdentityService(), () -> {
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(supervision).count() > 0) {
        runtime.setVariable(supervision, name, value);
      }
      return null;
    });
  }
}
