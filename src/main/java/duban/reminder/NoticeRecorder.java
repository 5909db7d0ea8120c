package duban.reminder;

import static duban.supervision.SupervisionVariables.*;

import duban.calendar.WorkingCalendar;
import duban.supervision.Today;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Writes a notice about a task into the store, once per event, held to the next office hours. */
@Component
class NoticeRecorder {

  private final NoticeStore store;
  private final Recipients recipients;
  private final WorkingCalendar calendar;
  private final ReminderSettings settings;

  NoticeRecorder(NoticeStore store, Recipients recipients, WorkingCalendar calendar, ReminderSettings settings) {
    this.store = store;
    this.recipients = recipients;
    this.calendar = calendar;
    this.settings = settings;
  }

  /** @return the moment the notice may go out, or null if this event was already recorded */
  Instant record(DelegateExecution execution, String dedupeKey, NoticeKind kind, List<String> to, List<String> cc,
      String situation) {
    if (to.isEmpty() || store.exists(dedupeKey)) {
      return null;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant deliverAfter = calendar.nextDeliveryTime(now.atZone(Today.ZONE)).toInstant();
    String number = String.valueOf(TASK_NUMBER.get(execution));
    String subject = "【" + kind.label() + "】第" + number + "项 " + TASK_TITLE.get(execution) + "：" + situation;
    String body = String.join("\n",
        "致：" + String.join("、", to.stream().map(recipients::name).toList())
            + (cc.isEmpty() ? "" : "（抄送：" + String.join("、", cc.stream().map(recipients::name).toList()) + "）"),
        "任务：" + PLAN_CODE.get(execution) + " 第" + number + "项",
        "具体措施：" + MEASURE.get(execution),
        "完成时限：" + DEADLINE_TEXT.get(execution)
            + (Boolean.TRUE.equals(LONG_TERM.get(execution)) ? "（本期报送截止 " + REPORT_DUE_DATE.get(execution) + "）" : ""),
        "牵头单位：" + LEAD_UNIT_NAMES.get(execution),
        "情况：" + situation,
        "请登录督办系统办理：" + settings.publicUrl() + "/camunda/app/tasklist/");
    store.add(new Notice(UUID.randomUUID().toString(), dedupeKey, kind, execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(), List.copyOf(to), List.copyOf(cc), subject, body, deliverAfter, now,
        Notice.PENDING, 0, null, null, Set.of()));
    return deliverAfter;
  }

  static String remaining(LocalDate due, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, due);
    return days >= 0 ? "距完成时限 " + due + " 还有 " + days + " 天" : "已超过完成时限 " + due + "，逾期 " + (-days) + " 天";
  }
}
