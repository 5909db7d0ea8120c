package duban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock in Jinan's time zone, so tests can move time with ClockUtil. */
public final class Today {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Today() {}

  public static Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
  }

  public static LocalDate date() {
    return now().toLocalDate();
  }

  public static Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(18, 0).atZone(ZONE).toInstant());
  }
}
