package duban.reminder;

import duban.calendar.WorkingCalendar;
import duban.supervision.Today;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A notice that belongs to no single task's process (a 情况通报 to every unit): recorded in the notice store like
 * the others, held to office hours, and delivered by the store's sweep with its claim and retries.
 */
@Component
public class Announcements {

  private final NoticeStore store;
  private final WorkingCalendar calendar;

  Announcements(NoticeStore store, WorkingCalendar calendar) {
    this.store = store;
    this.calendar = calendar;
  }

  /** @return false if this announcement was already recorded (its dedupe key exists) */
  public boolean announce(String dedupeKey, String businessKey, List<String> to, String subject, String body) {
    if (to.isEmpty() || store.exists(dedupeKey)) {
      return false;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant deliverAfter = calendar.nextDeliveryTime(now.atZone(Today.ZONE)).toInstant();
    store.add(new Notice(UUID.randomUUID().toString(), dedupeKey, NoticeKind.BULLETIN, businessKey, "", to,
        List.of(), subject, body, deliverAfter, now, Notice.PENDING, 0, null, null, Set.of()));
    return true;
  }
}
