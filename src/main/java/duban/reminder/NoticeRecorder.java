package duban.reminder;

import static duban.supervision.SupervisionVariables.*;

import duban.calendar.WorkingCalendar;
import duban.supervision.ResponsibleContacts;
import duban.supervision.SupervisionEvents.Kind;
import duban.supervision.SupervisionJournal;
import duban.supervision.TaskStatus;
import duban.supervision.Today;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Writes a notice about a task into the store, once per event, held to the next office hours, with its recipients:
 * the units it is addressed to and copied to, and the responsible persons those units named at 签收.
 */
@Component
class NoticeRecorder {

  private final NoticeStore store;
  private final Recipients recipients;
  private final WorkingCalendar calendar;
  private final ReminderSettings settings;
  private final SupervisionJournal journal;

  NoticeRecorder(NoticeStore store, Recipients recipients, WorkingCalendar calendar, ReminderSettings settings,
      SupervisionJournal journal) {
    this.store = store;
    this.recipients = recipients;
    this.calendar = calendar;
    this.settings = settings;
    this.journal = journal;
  }

  /** @return the moment the notice may go out, or null if this event was already recorded */
  Instant record(DelegateExecution execution, String dedupeKey, NoticeKind kind, List<String> to, List<String> cc,
      String situation) {
    if (to.isEmpty() || store.exists(dedupeKey)) {
      return null;
    }
    Instant now = Today.instant();
    Instant deliverAfter = calendar.nextDeliveryTime(now.atZone(Today.ZONE)).toInstant();
    String number = String.valueOf(TASK_NUMBER.get(execution));
    String subject = "【" + kind.label() + "】第" + number + "项 " + TASK_TITLE.get(execution) + "：" + situation;
    String body = String.join("\n",
        addressed(to, cc),
        "任务：" + PLAN_CODE.get(execution) + " 第" + number + "项",
        "具体措施：" + MEASURE.get(execution),
        "完成时限：" + DEADLINE_TEXT.get(execution)
            + (Boolean.TRUE.equals(LONG_TERM.get(execution)) ? "（本期报送截止 " + REPORT_DUE_DATE.get(execution) + "）" : ""),
        "牵头单位：" + LEAD_UNIT_NAMES.get(execution),
        "情况：" + situation,
        "请登录督办系统办理：" + settings.publicUrl() + "/camunda/app/tasklist/");
    store.add(new Notice(UUID.randomUUID().toString(), dedupeKey, kind, execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(), List.copyOf(to), List.copyOf(cc), subject, body, deliverAfter, now,
        Notice.PENDING, 0, null, null, Set.of()), TASK_NUMBER.get(execution), TASK_TITLE.get(execution),
        dueDate(execution), situation, targets(execution, to, cc));
    journal.record(PLAN_CODE.get(execution), TASK_NUMBER.get(execution), execution.getProcessInstanceId(),
        kind == NoticeKind.TOLERANCE ? Kind.NOTIFIED : Kind.REMINDER, null,
        "【" + kind.label() + "】" + situation + "。" + addressed(to, cc) + "；渠道：" + String.join("、", planned(to)),
        null);
    return deliverAfter;
  }

  /**
   * A notice about no task (an account locked, a bulletin issued): to units and roles, deliverable at once, one
   * message per notice whatever the rung settings.
   */
  void recordNow(String subjectKey, String dedupeKey, NoticeKind kind, List<String> to, List<String> cc, String subject,
      String text) {
    if (to.isEmpty() || store.exists(dedupeKey)) {
      return;
    }
    Instant now = Today.instant();
    String body = String.join("\n", addressed(to, cc), text,
        "督办系统：" + settings.publicUrl() + "/camunda/app/tasklist/");
    Map<String, NoticeStore.Target> targets = new LinkedHashMap<>();
    to.forEach(u -> targets.putIfAbsent("unit:" + u, NoticeStore.Target.unit(u, false)));
    cc.forEach(u -> targets.putIfAbsent("unit:" + u, NoticeStore.Target.unit(u, true)));
    store.add(new Notice(UUID.randomUUID().toString(), dedupeKey, kind, subjectKey, "", List.copyOf(to),
        List.copyOf(cc), "【" + kind.label() + "】" + subject, body, now, now, Notice.PENDING, 0, null, null, Set.of()),
        null, subject, null, text, List.copyOf(targets.values()));
  }

  private String addressed(List<String> to, List<String> cc) {
    return "致：" + String.join("、", to.stream().map(recipients::name).toList())
        + (cc.isEmpty() ? "" : "（抄送：" + String.join("、", cc.stream().map(recipients::name).toList()) + "）");
  }

  /** The channels that will carry a notice to these units, as the timeline names them. */
  private List<String> planned(List<String> toUnits) {
    List<String> names = new java.util.ArrayList<>();
    if (!recipients.emails(toUnits).isEmpty()) {
      names.add("邮件");
    }
    toUnits.stream().filter(unit -> recipients.webhook(unit).isPresent())
        .forEach(unit -> names.add("机器人（" + recipients.name(unit) + "）"));
    names.add("系统记录");
    return names;
  }

  private static List<NoticeStore.Target> targets(DelegateExecution execution, List<String> to, List<String> cc) {
    Map<String, NoticeStore.Target> targets = new LinkedHashMap<>();
    to.forEach(u -> targets.putIfAbsent("unit:" + u, NoticeStore.Target.unit(u, false)));
    cc.forEach(u -> targets.putIfAbsent("unit:" + u, NoticeStore.Target.unit(u, true)));
    for (ResponsibleContacts.Contact c : ResponsibleContacts.read(RESPONSIBLE_CONTACTS.get(execution))) {
      boolean copy = !to.contains(c.unit());
      if (!copy || cc.contains(c.unit())) {
        String key = "person:" + c.name() + "/" + c.phone() + "/" + (c.email() == null ? "" : c.email());
        targets.putIfAbsent(key, new NoticeStore.Target(key, copy, c.name(), c.email(), c.mobile()));
      }
    }
    return List.copyOf(targets.values());
  }

  /** The date a digest lists for the task: its deadline, or a 长期 task's report date; none if it has neither. */
  private static LocalDate dueDate(DelegateExecution execution) {
    try {
      return TaskStatus.dueDate(execution);
    } catch (RuntimeException noDate) {
      return null;
    }
  }

  static String remaining(LocalDate due, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, due);
    return days >= 0 ? "距完成时限 " + due + " 还有 " + days + " 天" : "已超过完成时限 " + due + "，逾期 " + (-days) + " 天";
  }
}
