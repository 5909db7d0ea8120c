package duban.reminder;

import duban.supervision.Today;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Delivers the notices of an instance that are due. Each is claimed before it is sent and marked after, each in its
 * own transaction, so a job that is retried or runs on two nodes sends it once. A failed delivery throws, which fails
 * the job: the engine retries it with back-off and raises an incident when the retries run out.
 */
@Service
class NoticeDelivery {

  static final String FAILURE = "提醒发送失败";

  private final NoticeStore store;
  private final NoticeChannels channels;

  NoticeDelivery(NoticeStore store, NoticeChannels channels) {
    this.store = store;
    this.channels = channels;
  }

  void deliverDue(String processInstanceId) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    deliver(store.due(processInstanceId, now), now);
  }

  /** Delivers each notice not claimed by someone else; throws after trying them all if any failed. */
  void deliver(List<Notice> notices, Instant now) {
    List<String> failures = new ArrayList<>();
    for (Notice notice : notices) {
      if (!store.claim(notice.id(), now)) {
        continue;
      }
      try {
        store.delivered(notice.id(), channels.send(notice) ? Notice.SENT : Notice.LOGGED, now);
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
