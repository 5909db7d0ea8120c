package duban.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock in Jinan's time zone, so tests can move time with ClockUtil. */
final class Today {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Today() {}

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
  }

  static LocalDate date() {
    return now().toLocalDate();
  }

  static Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(18, 0).atZone(ZONE).toInstant());
  }
}
