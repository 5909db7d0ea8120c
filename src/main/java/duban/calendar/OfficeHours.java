package duban.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** When notices may go out on a working day: from {@code start} (inclusive) to {@code end} (exclusive). */
public record OfficeHours(LocalTime start, LocalTime end) {

  public OfficeHours {
    if (!start.isBefore(end)) {
      throw new IllegalStateException("办公时间配置错误：开始 " + start + " 应早于结束 " + end);
    }
  }

  static OfficeHours parse(String start, String end) {
    return new OfficeHours(time("duban.calendar.office-hours-start", start), time("duban.calendar.office-hours-end", end));
  }

  private static LocalTime time(String property, String value) {
    try {
      return LocalTime.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("配置 " + property + " 应为 HH:mm 格式的时间，实为 " + value, e);
    }
  }

  boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }
}
