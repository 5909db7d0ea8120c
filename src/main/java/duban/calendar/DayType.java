package duban.calendar;

import java.util.Locale;

/** What a listed day is, whatever its weekday: a rest day or a working day. */
enum DayType {
  HOLIDAY,
  WORKDAY;

  /** Case-insensitive, with a message naming the allowed values. */
  static DayType parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("缺少类型 type，可选 HOLIDAY（放假）或 WORKDAY（上班）");
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("未知的类型 " + text + "，可选 HOLIDAY（放假）或 WORKDAY（上班）");
    }
  }
}
