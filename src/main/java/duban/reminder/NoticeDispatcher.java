package duban.reminder;

import duban.calendar.WorkingCalendar;
import duban.reminder.DispatchStore.Dispatch;
import duban.reminder.DispatchStore.Group;
import duban.reminder.FailureClass.Failure;
import duban.supervision.Today;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The delivery round every node runs every {@code dispatch-interval}: it gathers due notices into digests (one per
 * recipient and rung, or one per task where the office chose so), then sends what is due, mail first and in one
 * SMTP connection, robots within their pace, SMS; nothing outside office hours. Every message is claimed before it
 * is sent and marked when it went out, each on its own transaction, so that two nodes send it once and a node that
 * died mid-send is taken over after the claim timeout (the channel may then carry it twice: at least once).
 */
@Component
class NoticeDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);
  private static final int BATCH = 500;
  /** A 督办通知单 lists at most this many tasks; more (a burst across many plans) go into several. */
  static final int MAX_TASKS = 200;

  private final DispatchStore store;
  private final DigestComposer composer;
  private final MailChannel mail;
  private final RobotChannel robots;
  private final SmsChannel sms;
  private final RobotPacer pacer;
  private final DeliveryIncidents incidents;
  private final Recipients recipients;
  private final WorkingCalendar calendar;
  private final ReminderSettings settings;
  private final List<Duration> retries;

  NoticeDispatcher(DispatchStore store, DigestComposer composer, MailChannel mail, RobotChannel robots, SmsChannel sms,
      RobotPacer pacer, DeliveryIncidents incidents, Recipients recipients, WorkingCalendar calendar,
      ReminderSettings settings) {
    this.store = store;
    this.composer = composer;
    this.mail = mail;
    this.robots = robots;
    this.sms = sms;
    this.pacer = pacer;
    this.incidents = incidents;
    this.recipients = recipients;
    this.calendar = calendar;
    this.settings = settings;
    this.retries = settings.retries();
  }

  @Scheduled(fixedDelayString = "${duban.reminders.dispatch-interval}",
      initialDelayString = "${duban.reminders.dispatch-interval}")
  void scheduledRound() {
    try {
      round();
    } catch (RuntimeException e) {
      log.warn("Notice delivery round failed; the next one tries again: {}", e.toString());
    }
  }

  /** One round; returns how many messages went out. */
  synchronized int round() {
    Instant now = Today.instant();
    gather(now);
    int sent = 0;
    for (int batch = 0; batch < 100; batch++) {
      List<Dispatch> due = store.due(now, now.minus(settings.claimTimeout()), BATCH);
      sent += send(due, now);
      if (due.size() < BATCH) {
        break;
      }
    }
    return sent;
  }

  private void gather(Instant now) {
    for (Group group : store.openGroups(now)) {
      boolean quiet = !group.newest().isAfter(now.minus(settings.digestQuiet()));
      boolean waitedLongEnough = !group.oldest().isAfter(now.minus(settings.digestMaxWait()));
      if (!quiet && !waitedLongEnough) {
        continue;
      }
      if (settings.perTask().contains(group.kind()) || !group.kind().aboutTasks()) {
        for (String notice : store.openNotices(group, now)) {
          gather(group, notice, now);
        }
      } else {
        while (gather(group, null, now) == MAX_TASKS) {
          // the next digest takes the next tasks
        }
      }
    }
  }

  private int gather(Group group, String notice, Instant now) {
    return store.gather(group, notice, MAX_TASKS, now, entries -> {
      DispatchStore.Content content = composer.compose(group.recipient(), group.kind(), entries);
      log.info("Notice {} to {} ({} tasks{}): {}", group.kind(), group.recipient(), entries.size(),
          content.channels().isEmpty() ? ", no channel: logged only" : "", content.subject());
      return content;
    });
  }

  private int send(List<Dispatch> due, Instant now) {
    Instant officeOpens = calendar.nextDeliveryTime(now.atZone(Today.ZONE)).toInstant();
    Instant stale = now.minus(settings.claimTimeout());
    List<Dispatch> mails = new ArrayList<>();
    List<Dispatch> others = new ArrayList<>();
    for (Dispatch d : due) {
      if (officeOpens.isAfter(now)) {
        store.postpone(d.id(), officeOpens); // 防打扰: nothing goes out outside office hours
      } else if (d.channel().equals(DispatchStore.MAIL)) {
        if (store.claim(d.id(), now, stale)) {
          mails.add(d);
        }
      } else {
        others.add(d);
      }
    }
    int sent = sendMail(mails, now);
    Map<String, Instant> pausedRobots = new HashMap<>();
    for (Dispatch d : others) {
      if (d.channel().equals(DispatchStore.ROBOT)) {
        String url = recipients.webhook(d.destination()).orElse(d.destination());
        Instant paused = pausedRobots.get(url);
        if (paused == null) {
          paused = pacer.permit(url, now);
        }
        if (paused != null) {
          pausedRobots.put(url, paused); // and the later ones wait behind it, in order
          store.postpone(d.id(), paused);
          continue;
        }
      }
      if (!store.claim(d.id(), now, stale)) {
        continue;
      }
      try {
        if (d.channel().equals(DispatchStore.ROBOT)) {
          robots.post(d.destination(), DigestComposer.robotText(d.subject(), d.body()));
        } else {
          sms.send(d.destination(), d.subject());
        }
        succeeded(d, now);
        sent++;
      } catch (Failure f) {
        failed(d, f, now);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed(d, new Failure(FailureClass.TRANSIENT, "发送被中断", e), now);
        break;
      }
    }
    return sent;
  }

  private int sendMail(List<Dispatch> mails, Instant now) {
    if (mails.isEmpty()) {
      return 0;
    }
    Map<String, Failure> failures = mail.send(mails.stream()
        .map(d -> new MailChannel.Mail(d.id(), d.destination(), d.subject(), d.body())).toList());
    int sent = 0;
    for (Dispatch d : mails) {
      Failure f = failures.get(d.id());
      if (f == null) {
        succeeded(d, now);
        sent++;
      } else {
        failed(d, f, now);
      }
    }
    return sent;
  }

  private void succeeded(Dispatch d, Instant now) {
    store.sent(d, now);
    if (d.incident()) {
      incidents.resolve(d.id());
    }
  }

  private void failed(Dispatch d, Failure f, Instant now) {
    String error = d.channel().equals(DispatchStore.ROBOT) ? f.getMessage()
        : (d.channel().equals(DispatchStore.MAIL) ? "发往 " + d.destination() + " 的邮件：" : "") + f.getMessage();
    log.warn("Notice to {} by {} failed ({}): {}", d.recipient(), d.channel(), f.kind, error);
    switch (f.kind) {
      case RATE_LIMITED -> {
        String url = recipients.webhook(d.destination()).orElse(d.destination());
        store.failed(d, error, false, d.incident(), pacer.block(url, now));
      }
      case TRANSIENT -> {
        int failures = d.failures() + 1;
        if (failures <= retries.size()) {
          store.failed(d, error, true, d.incident(), now.plus(retries.get(failures - 1)));
        } else {
          raise(d, error + "（已重试 " + retries.size() + " 次）");
          store.failed(d, error, true, true, now.plus(settings.recoveryInterval()));
        }
      }
      case PERMANENT -> {
        raise(d, error);
        store.failed(d, error, true, true, now.plus(settings.recoveryInterval()));
      }
    }
  }

  private void raise(Dispatch d, String error) {
    if (!d.incident()) {
      incidents.raise(d.id(), store.processInstances(d.digestId()), error);
    }
  }
}
