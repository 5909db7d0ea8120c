package duban.reminder;

import duban.supervision.Today;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Delivers the notices of an instance that are due. Each is claimed before it is sent, each channel is marked as soon
 * as it carried the notice, and the notice is marked sent at the end, each in its own transaction: a job that is
 * retried or runs on two nodes sends it once. A failed delivery throws, which fails the job: the engine retries it
 * with back-off and raises an incident when the retries run out.
 *
 * <p>A claim whose sender died (its node was killed mid-send) is taken over once it is older than the claim timeout;
 * only the channels not yet marked are sent again. What remains is an at-least-once window: a channel that accepted
 * the notice in the instant before its node died, before the mark was written, carries it a second time.
 */
@Service
class NoticeDelivery {

  static final String FAILURE = "提醒发送失败";

  private final NoticeStore store;
  private final NoticeChannels channels;

  private final Duration claimTimeout;

  NoticeDelivery(NoticeStore store, NoticeChannels channels, ReminderSettings settings) {
    this.store = store;
    this.channels = channels;
    this.claimTimeout = settings.claimTimeout();
  }

  void deliverDue(String processInstanceId) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    deliver(store.due(processInstanceId, now, now.minus(claimTimeout)), now);
  }

  Instant staleBefore(Instant now) {
    return now.minus(claimTimeout);
  }

  /** Delivers each notice not claimed by someone else; throws after trying them all if any failed. */
  void deliver(List<Notice> notices, Instant now) {
    List<String> failures = new ArrayList<>();
    Instant staleBefore = staleBefore(now);
    for (Notice notice : notices) {
      if (!store.claim(notice.id(), now, staleBefore)) {
        continue;
      }
      try {
        // read again after the claim: a sender that died may have marked channels since the list was read
        Notice claimed = store.get(notice.id());
        boolean carried = channels.send(claimed, channel -> store.channelDone(notice.id(), channel));
        store.delivered(notice.id(), carried ? Notice.SENT : Notice.LOGGED, now);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        store.failed(notice.id(), e.toString());
        failures.add(notice.subject() + "：" + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(FAILURE + "（" + Today.now() + "）：" + String.join("；", failures));
    }
  }
}
