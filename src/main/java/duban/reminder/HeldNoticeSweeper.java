package duban.reminder;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends notices whose own job could not: those held past office hours by a process that has no later job of its own
 * (容错 notices), and any left pending by a node that went away. Each is claimed first, so a notice its job is
 * sending at the same moment is not sent twice.
 */
@Component
class HeldNoticeSweeper {

  private static final Logger log = LoggerFactory.getLogger(HeldNoticeSweeper.class);

  private final NoticeStore store;
  private final NoticeDelivery delivery;
  private final Duration grace;

  HeldNoticeSweeper(NoticeStore store, NoticeDelivery delivery,
      @Value("${duban.reminders.sweep-grace:PT2M}") Duration grace) {
    this.store = store;
    this.delivery = delivery;
    this.grace = grace;
  }

  @Scheduled(fixedDelayString = "${duban.reminders.sweep-interval:PT1M}", initialDelayString = "${duban.reminders.sweep-interval:PT1M}")
  void sweep() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    try {
      delivery.deliver(store.dueBefore(now.minus(grace), delivery.staleBefore(now)), now);
    } catch (RuntimeException e) {
      log.warn("Held notices could not all be delivered; will try again: {}", e.getMessage());
    }
  }
}
