package duban.reminder;

import duban.reminder.DispatchStore.Content;
import duban.reminder.DispatchStore.Entry;
import duban.supervision.Today;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes a 督办通知单: one message to one recipient listing every task of one rung, with the count in its subject.
 * A digest of a single notice is that notice's own message. Also picks the channels that reach the recipient.
 */
@Component
class DigestComposer {

  private static final Map<NoticeKind, String> SUBJECTS = Map.of(
      NoticeKind.APPROACHING, "临近完成时限",
      NoticeKind.URGE, "即将到期，请抓紧办理",
      NoticeKind.OVERDUE, "已超过完成时限",
      NoticeKind.STEP, "的办理环节已超过时限",
      NoticeKind.TOLERANCE, "有容错纠错事项待办理");

  private final Recipients recipients;
  private final ReminderSettings settings;
  private final MailChannel mail;
  private final SmsChannel sms;

  DigestComposer(Recipients recipients, ReminderSettings settings, MailChannel mail, SmsChannel sms) {
    this.recipients = recipients;
    this.settings = settings;
    this.mail = mail;
    this.sms = sms;
  }

  Content compose(String recipient, NoticeKind kind, List<Entry> entries) {
    String subject;
    String body;
    if (entries.size() == 1) {
      subject = entries.get(0).subject();
      body = entries.get(0).body();
    } else {
      subject = "【" + kind.label() + "】" + entries.size() + "项任务" + SUBJECTS.get(kind);
      body = body(name(recipient, entries.get(0)), kind, entries);
    }
    return new Content(subject, body, channels(recipient, entries.get(0)));
  }

  private String body(String to, NoticeKind kind, List<Entry> entries) {
    LocalDate today = Today.date();
    List<String> lines = new ArrayList<>();
    lines.add("督办通知单");
    lines.add("致：" + to);
    lines.add("以下 " + entries.size() + " 项任务" + SUBJECTS.get(kind) + "：");
    int i = 0;
    for (Entry e : entries) {
      lines.add("");
      lines.add(++i + ". 第" + e.taskNumber() + "项（" + e.businessKey() + "）" + e.taskTitle() + (e.copy() ? "（抄送）" : ""));
      if (e.due() != null) {
        lines.add("   完成时限：" + e.due() + "；" + daysLine(e.due(), today));
      }
      if (kind == NoticeKind.STEP || kind == NoticeKind.TOLERANCE || e.due() == null) {
        lines.add("   情况：" + e.situation());
      }
      lines.add("   办理：" + link(e.businessKey()));
    }
    lines.add("");
    lines.add("请登录督办系统办理：" + settings.publicUrl() + "/camunda/app/tasklist/");
    lines.add("督查室　" + today);
    return String.join("\n", lines);
  }

  static String daysLine(LocalDate due, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, due);
    return days >= 0 ? "剩余 " + days + " 天" : "已逾期 " + (-days) + " 天";
  }

  /** The task in Tasklist, found by its business key. */
  private String link(String businessKey) {
    String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey + "\"}]";
    return settings.publicUrl() + "/camunda/app/tasklist/default/#/?searchQuery="
        + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private String name(String recipient, Entry any) {
    return recipient.startsWith("unit:") ? recipients.name(recipient.substring(5)) : any.personName();
  }

  /** {channel, destination} pairs that reach the recipient. */
  private List<String[]> channels(String recipient, Entry any) {
    List<String[]> channels = new ArrayList<>();
    if (recipient.startsWith("unit:")) {
      String unit = recipient.substring(5);
      if (mail.enabled()) {
        recipients.email(unit).ifPresent(address -> channels.add(new String[] {DispatchStore.MAIL, address}));
      }
      recipients.webhook(unit).ifPresent(url -> channels.add(new String[] {DispatchStore.ROBOT, unit}));
    } else {
      if (mail.enabled() && any.email() != null) {
        channels.add(new String[] {DispatchStore.MAIL, any.email()});
      }
      if (sms.enabled() && any.phone() != null) {
        channels.add(new String[] {DispatchStore.SMS, any.phone()});
      }
    }
    return channels;
  }

  /** A robot's text: the subject and as much of the body as its limit allows. */
  static String robotText(String subject, String body) {
    String full = subject + "\n" + body;
    if (full.getBytes(StandardCharsets.UTF_8).length <= RobotChannel.MAX_BYTES) {
      return full;
    }
    String tail = "\n……（内容较长，详见邮件或督办系统）";
    int budget = RobotChannel.MAX_BYTES - tail.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder out = new StringBuilder();
    for (String line : full.split("\n")) {
      if (out.toString().getBytes(StandardCharsets.UTF_8).length + line.getBytes(StandardCharsets.UTF_8).length + 1 > budget) {
        break;
      }
      out.append(out.length() == 0 ? "" : "\n").append(line);
    }
    return out + tail;
  }
}
