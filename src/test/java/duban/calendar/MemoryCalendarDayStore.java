package duban.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The database's part of the calendar, in memory, for unit tests. */
final class MemoryCalendarDayStore implements CalendarDayStore {

  private final Map<LocalDate, CalendarDay> days = new TreeMap<>();

  @Override
  public List<CalendarDay> all() {
    return List.copyOf(days.values());
  }

  @Override
  public void save(CalendarDay day) {
    days.put(day.date(), day);
  }

  @Override
  public boolean delete(LocalDate date) {
    return days.remove(date) != null;
  }

  static ShippedDays shipped() {
    try (InputStream in = MemoryCalendarDayStore.class.getResourceAsStream("/seeds/holidays.yaml")) {
      return ShippedDays.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
