package duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WorkingCalendarTest {

  private static final ShippedDays SHIPPED = MemoryCalendarDayStore.shipped();

  private final MemoryCalendarDayStore store = new MemoryCalendarDayStore();
  private final WorkingCalendar calendar = new WorkingCalendar(SHIPPED, store, OfficeHours.parse("09:00", "18:00"));

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  private static ZonedDateTime at(String dateTime) {
    return java.time.LocalDateTime.parse(dateTime).atZone(WorkingCalendar.ZONE);
  }

  @Test
  void threeWorkingDayLimitOverNationalDay2026() {
    // 国办发明电〔2025〕7号: 国庆节 10月1日（周四）至7日（周三）放假调休，共7天；9月20日（周日）、10月10日（周六）上班.
    // Set on Wed 09-30 (a working day, not counted): 10-01 Thu and 10-02 Fri holiday, 10-03/04 weekend,
    // 10-05 Mon to 10-07 Wed holiday; then 10-08 Thu = 1, 10-09 Fri = 2, 10-10 Sat (make-up day) = 3.
    assertThat(calendar.plusWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
    assertThat(calendar.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
    assertThat(calendar.plusWorkingDays(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
    assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-10"))).isEqualTo(3);
    for (LocalDate day = d("2026-10-01"); !day.isAfter(d("2026-10-07")); day = day.plusDays(1)) {
      assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
    }
  }

  @Test
  void makeUpWeekendDaysAreWorkingDays() {
    assertThat(calendar.isWorkingDay(d("2026-10-10"))).as("Sat, 国庆节调休").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-02-28"))).as("Sat, 春节调休").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-09-20"))).as("Sun, 国庆节调休").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-10-17"))).as("an ordinary Saturday").isFalse();
    assertThat(calendar.isWorkingDay(d("2026-10-18"))).as("an ordinary Sunday").isFalse();
    assertThat(calendar.isWorkingDay(d("2026-10-16"))).as("an ordinary Friday").isTrue();
  }

  @Test
  void springFestival2026() {
    // 春节：2月15日（腊月二十八、周日）至23日（正月初七、周一）放假调休，共9天；2月14日（周六）、2月28日（周六）上班.
    assertThat(calendar.isWorkingDay(d("2026-02-13"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-02-14"))).as("make-up Saturday before").isTrue();
    for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
      assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
    }
    assertThat(calendar.isWorkingDay(d("2026-02-24"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-02-28"))).as("make-up Saturday after").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-03-01"))).isFalse();

    assertThat(calendar.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
    assertThat(calendar.plusWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
    assertThat(calendar.nextWorkingDay(d("2026-02-15"))).isEqualTo(d("2026-02-24"));
    // 02-14, 02-24, 25, 26, 27 and the make-up 02-28
    assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-28"))).isEqualTo(6);
  }

  @Test
  void zeroDaysIsTheStartOrTheNextWorkingDay() {
    assertThat(calendar.plusWorkingDays(d("2026-10-08"), 0)).isEqualTo(d("2026-10-08"));
    assertThat(calendar.plusWorkingDays(d("2026-10-03"), 0)).isEqualTo(d("2026-10-08"));
    assertThatThrownBy(() -> calendar.plusWorkingDays(d("2026-10-08"), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能为负数");
  }

  @Test
  void workingDaysBetweenIsTheInverseOfPlusWorkingDays() {
    for (LocalDate start = d("2025-12-20"); start.isBefore(d("2027-01-10")); start = start.plusDays(1)) {
      for (int n = 1; n <= 12; n++) {
        LocalDate end = calendar.plusWorkingDays(start, n);
        assertThat(calendar.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
        assertThat(calendar.isWorkingDay(end)).isTrue();
      }
    }
    assertThat(calendar.workingDaysBetween(d("2026-10-12"), d("2026-10-12"))).isZero();
    assertThat(calendar.workingDaysBetween(d("2026-10-12"), d("2026-10-01"))).isZero();
    assertThat(calendar.nextWorkingDay(d("2026-10-12"))).isEqualTo(d("2026-10-12"));
  }

  @Test
  void noticesWaitForOfficeHoursOnWorkingDays() {
    // an ordinary Saturday: held to Monday 09:00
    assertThat(calendar.nextDeliveryTime(at("2026-10-17T11:00"))).isEqualTo(at("2026-10-19T09:00"));
    // Saturday 09-19: the make-up Sunday 09-20 comes before Monday
    assertThat(calendar.nextDeliveryTime(at("2026-09-19T15:00"))).isEqualTo(at("2026-09-20T09:00"));
    // on the make-up Saturday itself, in office hours: at once
    assertThat(calendar.nextDeliveryTime(at("2026-10-10T10:30"))).isEqualTo(at("2026-10-10T10:30"));
    // Friday evening: next working day 09:00, which is Monday, or the make-up Saturday after National Day
    assertThat(calendar.nextDeliveryTime(at("2026-10-16T20:00"))).isEqualTo(at("2026-10-19T09:00"));
    assertThat(calendar.nextDeliveryTime(at("2026-10-09T20:00"))).isEqualTo(at("2026-10-10T09:00"));
    // early on a working day: 09:00 the same day
    assertThat(calendar.nextDeliveryTime(at("2026-10-08T08:00"))).isEqualTo(at("2026-10-08T09:00"));
    // the window is [09:00, 18:00)
    assertThat(calendar.nextDeliveryTime(at("2026-10-08T09:00"))).isEqualTo(at("2026-10-08T09:00"));
    assertThat(calendar.nextDeliveryTime(at("2026-10-08T17:59:59"))).isEqualTo(at("2026-10-08T17:59:59"));
    assertThat(calendar.nextDeliveryTime(at("2026-10-08T18:00"))).isEqualTo(at("2026-10-09T09:00"));
    // over the whole National Day holiday
    assertThat(calendar.nextDeliveryTime(at("2026-09-30T18:30"))).isEqualTo(at("2026-10-08T09:00"));
    assertThat(calendar.nextDeliveryTime(at("2026-10-01T10:00"))).isEqualTo(at("2026-10-08T09:00"));
  }

  @Test
  void deliveryIsJudgedInShanghaiWhateverTheCallersZone() {
    ZonedDateTime utc = ZonedDateTime.of(2026, 10, 8, 0, 30, 0, 0, ZoneOffset.UTC); // 08:30 in Shanghai
    assertThat(calendar.nextDeliveryTime(utc)).isEqualTo(at("2026-10-08T09:00"));
    ZonedDateTime inHours = ZonedDateTime.of(2026, 10, 8, 2, 0, 0, 0, ZoneOffset.UTC); // 10:00 in Shanghai
    assertThat(calendar.nextDeliveryTime(inHours)).isEqualTo(at("2026-10-08T10:00"));
    assertThat(calendar.nextDeliveryTime(inHours).toInstant()).isEqualTo(inHours.toInstant());
    // Friday 23:00 UTC is Saturday 07:00 in Shanghai, an ordinary Saturday
    ZonedDateTime fridayNightUtc = ZonedDateTime.of(2026, 10, 16, 23, 0, 0, 0, ZoneOffset.UTC);
    assertThat(calendar.nextDeliveryTime(fridayNightUtc)).isEqualTo(at("2026-10-19T09:00"));
  }

  @Test
  void officeHoursAreConfigurable() {
    WorkingCalendar early = new WorkingCalendar(SHIPPED, store, OfficeHours.parse("08:30", "17:30"));
    assertThat(early.nextDeliveryTime(at("2026-10-08T08:00"))).isEqualTo(at("2026-10-08T08:30"));
    assertThat(early.nextDeliveryTime(at("2026-10-08T08:45"))).isEqualTo(at("2026-10-08T08:45"));
    assertThat(early.nextDeliveryTime(at("2026-10-08T17:30"))).isEqualTo(at("2026-10-09T08:30"));
    assertThatThrownBy(() -> OfficeHours.parse("18:00", "09:00")).hasMessageContaining("应早于");
    assertThatThrownBy(() -> OfficeHours.parse("9 点", "18:00")).hasMessageContaining("office-hours-start");
  }

  @Test
  void yearsWithoutDataArePlainWeekdaysWithOneWarning() {
    Logger logger = (Logger) LoggerFactory.getLogger(WorkingCalendar.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      assertThat(calendar.coveredYears()).containsExactly(2022, 2023, 2024, 2025, 2026);
      // 2027-02-08 is a Monday in the 2027 Spring Festival, but 2027 is not published here
      assertThat(calendar.isWorkingDay(d("2027-02-08"))).isTrue();
      assertThat(calendar.isWorkingDay(d("2027-02-06"))).isFalse();
      assertThat(calendar.plusWorkingDays(d("2026-12-31"), 5)).isEqualTo(d("2027-01-07"));
    } finally {
      logger.detachAppender(appender);
    }
    assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("2027"));
  }

  @Test
  void administratorsDaysWinOverTheShippedFile() {
    assertThat(calendar.isWorkingDay(d("2026-10-09"))).isTrue();
    calendar.override(new CalendarDay(d("2026-10-09"), DayType.HOLIDAY, "防汛调休"));
    assertThat(calendar.isWorkingDay(d("2026-10-09"))).isFalse();

    calendar.override(new CalendarDay(d("2026-10-07"), DayType.WORKDAY, "取消放假"));
    assertThat(calendar.isWorkingDay(d("2026-10-07"))).isTrue();
    assertThat(calendar.daysOf(2026)).filteredOn(e -> e.day().date().equals(d("2026-10-07")))
        .singleElement().satisfies(e -> assertThat(e.source()).isEqualTo(WorkingCalendar.Source.ADMIN));

    // a fresh calendar over the same store, as after a restart
    WorkingCalendar restarted = new WorkingCalendar(SHIPPED, store, OfficeHours.parse("09:00", "18:00"));
    assertThat(restarted.isWorkingDay(d("2026-10-09"))).isFalse();
    assertThat(restarted.isWorkingDay(d("2026-10-07"))).isTrue();

    assertThat(calendar.removeOverride(d("2026-10-07"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-10-07"))).as("the shipped holiday applies again").isFalse();
    assertThat(calendar.removeOverride(d("2026-10-07"))).isFalse();
  }

  @Test
  void anAdministratorsDayMakesItsYearCovered() {
    assertThat(calendar.coveredYears()).doesNotContain(2027);
    calendar.override(new CalendarDay(d("2027-01-01"), DayType.HOLIDAY, "元旦"));
    assertThat(calendar.coveredYears()).contains(2027);
    assertThat(calendar.isWorkingDay(d("2027-01-01"))).isFalse();
  }

  @Test
  void aCalendarWithoutWorkingDaysFailsInsteadOfLooping() {
    for (LocalDate day = d("2030-01-01"); day.isBefore(d("2031-03-01")); day = day.plusDays(1)) {
      store.save(new CalendarDay(day, DayType.HOLIDAY, "测试"));
    }
    calendar.reload();
    assertThatThrownBy(() -> calendar.nextWorkingDay(d("2030-01-01")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("没有工作日");
  }
}
