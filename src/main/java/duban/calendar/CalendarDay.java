package duban.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One day that does not follow the Monday–Friday rule, or that an administrator set explicitly. */
record CalendarDay(LocalDate date, DayType type, String name) {

  CalendarDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(type, "type");
  }
}
