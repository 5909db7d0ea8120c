package duban.calendar;

import java.time.LocalDate;
import java.util.List;

/** The days administrators added or overrode; they outlive restarts. */
interface CalendarDayStore {

  List<CalendarDay> all();

  /** Inserts the day or replaces the one stored for its date. */
  void save(CalendarDay day);

  /** @return whether there was a day to delete */
  boolean delete(LocalDate date);
}
