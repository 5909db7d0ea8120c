package duban.reminder;

import static duban.supervision.SupervisionVariables.*;

import duban.calendar.WorkingCalendar;
import duban.supervision.DueDates;
import duban.supervision.DueDates.Step;
import duban.supervision.SupervisionProcess;
import duban.supervision.Today;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Step limits in working days: 签收 3, 协办 10, 审核 5 by default. A step's boundary timer fires at the start of office
 * hours on the first working day after its limit, and whoever holds the step is reminded.
 */
@Component("stepLimits")
public class StepReminders {

  private static final Map<Step, String> LABELS =
      Map.of(Step.ACKNOWLEDGE, "签收任务", Step.CONTRIBUTION, "报送承办/配合情况", Step.REVIEW, "审核报送材料");

  /** Reminder service task id → the step it reminds about. */
  private static final Map<String, Step> REMINDERS = Map.of(
      "ServiceTask_RemindAcknowledgement", Step.ACKNOWLEDGE,
      "ServiceTask_RemindContribution", Step.CONTRIBUTION,
      "ServiceTask_RemindReview", Step.REVIEW,
      "ServiceTask_RemindExtensionReview", Step.REVIEW);

  private final WorkingCalendar calendar;
  private final DueDates dueDates;
  private final NoticeRecorder recorder;

  StepReminders(WorkingCalendar calendar, DueDates dueDates, NoticeRecorder recorder) {
    this.calendar = calendar;
    this.dueDates = dueDates;
    this.recorder = recorder;
  }

  /** For the boundary timers: the first office hour after the step's last working day. */
  public Date reminderAt(String step) {
    LocalDate limit = dueDates.limitDay(Step.valueOf(step));
    return Date.from(calendar.nextDeliveryTime(limit.plusDays(1).atStartOfDay(Today.ZONE)).toInstant());
  }

  void remind(DelegateExecution execution) {
    Step step = REMINDERS.get(execution.getCurrentActivityId());
    List<String> holders = holders(execution, step);
    recorder.record(execution,
        execution.getProcessBusinessKey() + "|STEP|" + execution.getActivityInstanceId(), NoticeKind.STEP, holders,
        List.of(), "「" + LABELS.get(step) + "」已超过 " + dueDates.limit(step) + " 个工作日办理时限");
  }

  private static List<String> holders(DelegateExecution execution, Step step) {
    return switch (step) {
      case ACKNOWLEDGE -> List.of(LEAD_UNIT.get(execution));
      case REVIEW -> List.of(SupervisionProcess.SUPERVISION_GROUP);
      case CONTRIBUTION -> execution.getProcessEngineServices().getTaskService().createTaskQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(SupervisionProcess.SUBMIT_CONTRIBUTION).list().stream()
          .flatMap(t -> execution.getProcessEngineServices().getTaskService().getIdentityLinksForTask(t.getId()).stream())
          .map(IdentityLink::getGroupId).filter(g -> g != null).distinct().toList();
    };
  }
}
