package duban.supervision;

import duban.engine.EngineClock;
import duban.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

/** The engine's clock in Jinan's time zone, so tests can move time with ClockUtil. */
public final class Today {

  public static final ZoneId ZONE = WorkingCalendar.ZONE;

  private Today() {}

  public static Instant instant() {
    return EngineClock.currentTime().toInstant();
  }

  public static LocalDateTime now() {
    return LocalDateTime.ofInstant(EngineClock.currentTime().toInstant(), ZONE);
  }

  public static LocalDate date() {
    return now().toLocalDate();
  }

}
