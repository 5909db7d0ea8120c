package duban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Chinese working days: Monday to Friday, except the statutory holidays and 调休 make-up working days of the State
 * Council's yearly notices ({@code seeds/holidays.yaml}) and the days an administrator set (database, which wins).
 * Dates are calendar dates in China; times are judged in Asia/Shanghai.
 *
 * <p>A year for which neither source has data is treated as plain Monday–Friday, and a warning is logged once.
 */
@Component
public class WorkingCalendar {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

  /** No real calendar rests this long; more means a misconfiguration, not a long holiday. */
  private static final int MAX_DAYS_WITHOUT_WORK = 366;

  enum Source { YAML, ADMIN }

  record Entry(CalendarDay day, Source source) {}

  /** The merged calendar, replaced as a whole on every change so readers never see half an update. */
  private record Snapshot(Map<LocalDate, Entry> days, Set<Integer> years) {}

  private final ShippedDays shipped;
  private final CalendarDayStore store;
  private final OfficeHours officeHours;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
  private volatile Snapshot snapshot;

  WorkingCalendar(ShippedDays shipped, CalendarDayStore store, OfficeHours officeHours) {
    this.shipped = shipped;
    this.store = store;
    this.officeHours = officeHours;
  }

  /** {@code duban.calendar.office-hours-start}/{@code -end}: the one source of 09:00 and 18:00. */
  public OfficeHours officeHours() {
    return officeHours;
  }

  /** The end of office hours on {@code day}: a task's due date as Tasklist shows it. */
  public Date closeOfBusiness(LocalDate day) {
    return Date.from(day.atTime(officeHours.end()).atZone(ZONE).toInstant());
  }

  public boolean isWorkingDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    Snapshot current = snapshot();
    Entry entry = current.days().get(day);
    if (entry != null) {
      return entry.day().type() == DayType.WORKDAY;
    }
    if (!current.years().contains(day.getYear()) && warnedYears.add(day.getYear())) {
      log.warn("No holiday data for {}: treating it as plain Monday to Friday. Add the State Council notice to "
          + "seeds/holidays.yaml or enter its days through PUT /api/calendar/days/{date}.", day.getYear());
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The given day if it is a working day, else the first working day after it. */
  public LocalDate nextWorkingDay(LocalDate day) {
    LocalDate candidate = Objects.requireNonNull(day, "day");
    for (int i = 0; i <= MAX_DAYS_WITHOUT_WORK; i++, candidate = candidate.plusDays(1)) {
      if (isWorkingDay(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("从 " + day + " 起一年多没有工作日，请检查工作日历的设置");
  }

  /**
   * The day {@code days} working days after {@code start}; {@code start} itself is not counted, so a 3-day limit set
   * on a Wednesday normally ends on Monday. {@code days == 0} means "no later than today": {@code start} if it is a
   * working day, else the next working day, so a limit never ends on a rest day.
   */
  public LocalDate plusWorkingDays(LocalDate start, int days) {
    Objects.requireNonNull(start, "start");
    if (days < 0) {
      throw new IllegalArgumentException("工作日天数不能为负数：" + days);
    }
    if (days == 0) {
      return nextWorkingDay(start);
    }
    LocalDate day = start;
    for (int i = 0; i < days; i++) {
      day = nextWorkingDay(day.plusDays(1));
    }
    return day;
  }

  /**
   * The number of working days in {@code (fromExclusive, toInclusive]}: the inverse of {@link #plusWorkingDays} for
   * days ≥ 1. Zero when {@code toInclusive} is not after {@code fromExclusive}.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * When a notice prepared at {@code when} may go out: {@code when} itself if it falls in office hours on a working
   * day (start inclusive, end exclusive: 18:00 sharp is already too late), the start of office hours if it is earlier
   * on a working day, else the start of office hours on the next working day. The result is in Asia/Shanghai.
   */
  public ZonedDateTime nextDeliveryTime(ZonedDateTime when) {
    ZonedDateTime local = Objects.requireNonNull(when, "when").withZoneSameInstant(ZONE);
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (isWorkingDay(day)) {
      if (time.isBefore(officeHours.start())) {
        return day.atTime(officeHours.start()).atZone(ZONE);
      }
      if (officeHours.contains(time)) {
        return local;
      }
    }
    return nextWorkingDay(day.plusDays(1)).atTime(officeHours.start()).atZone(ZONE);
  }

  /** The years with holiday data: in the shipped file, or with at least one day an administrator entered. */
  public Set<Integer> coveredYears() {
    return snapshot().years();
  }

  /** Every listed day of the year, by date, with where it came from. */
  List<Entry> daysOf(int year) {
    return snapshot().days().values().stream()
        .filter(e -> e.day().date().getYear() == year)
        .sorted(Comparator.comparing(e -> e.day().date()))
        .toList();
  }

  synchronized Entry override(CalendarDay day) {
    store.save(day);
    reload();
    return snapshot.days().get(day.date());
  }

  /** @return whether an administrator's day was removed; the shipped data for that date applies again */
  synchronized boolean removeOverride(LocalDate date) {
    boolean removed = store.delete(date);
    reload();
    return removed;
  }

  /** Re-reads the administrators' days from the database. */
  synchronized void reload() {
    Map<LocalDate, Entry> days = new HashMap<>();
    Set<Integer> years = new TreeSet<>(shipped.years());
    shipped.days().forEach(d -> days.put(d.date(), new Entry(d, Source.YAML)));
    for (CalendarDay d : store.all()) {
      days.put(d.date(), new Entry(d, Source.ADMIN));
      years.add(d.date().getYear());
    }
    snapshot = new Snapshot(Map.copyOf(days), Collections.unmodifiableSet(years));
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null) {
      // Loaded on first use, not in the constructor: start-up does not wait for the database.
      synchronized (this) {
        if (snapshot == null) {
          reload();
        }
        current = snapshot;
      }
    }
    return current;
  }
}
