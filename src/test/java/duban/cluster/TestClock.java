package duban.cluster;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock for tests whose job executors run: moved to a chosen moment and left running, so that lock
 * times, job due dates and office hours all agree between nodes (a frozen clock would never let a lock expire).
 */
final class TestClock {

  static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");

  private TestClock() {}

  /** Moves this JVM's engine clock to {@code moment}, running on; returns the offset for other JVMs. */
  static long runFrom(LocalDateTime moment) {
    long offset = moment.atZone(JINAN).toInstant().toEpochMilli() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    return offset;
  }

  /** Freezes this JVM's engine clock at {@code moment}. */
  static void freezeAt(LocalDateTime moment) {
    ClockUtil.setCurrentTime(date(moment));
  }

  static Date date(LocalDateTime moment) {
    return Date.from(moment.atZone(JINAN).toInstant());
  }

  static void reset() {
    ClockUtil.reset();
  }
}
