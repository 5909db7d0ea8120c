package duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The shipped holidays.yaml, checked on its own terms, and the reader's refusals. */
class ShippedDaysTest {

  private static String shippedText() throws IOException {
    try (InputStream in = ShippedDaysTest.class.getResourceAsStream("/seeds/holidays.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static boolean weekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static ShippedDays read(String yaml) {
    return ShippedDays.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Read with plain SnakeYAML (dates as text), so the test does not rely on the checks of the reader it guards. */
  @Test
  void theShippedFileIsConsistent() throws IOException {
    Map<?, ?> root = new Yaml(new ShippedDays.DatesAsText()).load(shippedText());
    Map<?, ?> years = (Map<?, ?>) root.get("years");
    assertThat(new ArrayList<Object>(years.keySet())).as("2027 is not published in the sources used").containsExactly((Object) 2022, 2023, 2024, 2025, 2026);
    Set<LocalDate> seen = new HashSet<>();
    years.forEach((year, list) -> {
      List<LocalDate> dates = new ArrayList<>();
      int holidays = 0;
      int workdays = 0;
      for (Object item : (List<?>) list) {
        Map<?, ?> entry = (Map<?, ?>) item;
        assertThat(new ArrayList<Object>(entry.keySet())).as("%s", entry).containsExactlyInAnyOrder((Object) "date", "type", "name");
        LocalDate date = LocalDate.parse((String) entry.get("date"));
        assertThat(date.getYear()).as("%s filed under %s", date, year).isEqualTo(year);
        assertThat(seen.add(date)).as("%s listed once", date).isTrue();
        assertThat((String) entry.get("name")).as("%s", date).isNotBlank();
        switch ((String) entry.get("type")) {
          case "HOLIDAY" -> {
            assertThat(weekend(date)).as("HOLIDAY %s falls on a weekday", date).isFalse();
            holidays++;
          }
          case "WORKDAY" -> {
            assertThat(weekend(date)).as("WORKDAY %s falls on a weekend", date).isTrue();
            assertThat((String) entry.get("name")).endsWith("调休");
            workdays++;
          }
          default -> throw new AssertionError("unknown type in " + entry);
        }
        dates.add(date);
      }
      assertThat(dates).as("%s in date order", year).isSorted();
      // 调休 moves days off, it does not add any: what is left is the statutory days off of
      // 《全国年节及纪念日放假办法》, 11 until 2024 and 13 from 2025 (除夕 and 5月2日 added).
      int statutory = (Integer) year >= 2025 ? 13 : 11;
      assertThat(holidays - workdays).as("%s: weekday holidays minus make-up days", year).isEqualTo(statutory);
    });
  }

  @Test
  void everyYearNamesItsSource() throws IOException {
    String text = shippedText();
    for (int year = 2022; year <= 2026; year++) {
      Pattern cited = Pattern.compile("# source: .*\\n(\\s*#.*\\n)*  " + year + ":");
      assertThat(cited.matcher(text).find()).as("source comment before %d", year).isTrue();
    }
    assertThat(text).contains("2027: NOT included");
  }

  @Test
  void theReaderAcceptsTheShippedFile() {
    ShippedDays shipped = MemoryCalendarDayStore.shipped();
    assertThat(shipped.years()).containsExactlyInAnyOrder(2022, 2023, 2024, 2025, 2026);
    assertThat(shipped.days()).filteredOn(d -> d.date().getYear() == 2026 && d.type() == DayType.WORKDAY)
        .extracting(d -> d.date().toString())
        .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    assertThat(shipped.days()).filteredOn(d -> d.date().getYear() == 2026 && d.name().equals("国庆节"))
        .extracting(d -> d.date().toString())
        .containsExactly("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07");
  }

  @Test
  void theReaderNamesWhatIsWrong() {
    assertThatThrownBy(() -> read("days: []")).hasMessageContaining("缺少顶层 years");
    assertThatThrownBy(() -> read("""
        years:
          2026:
            - {date: 2026-10-01, type: HOLIDAY, name: 国庆节}
            - {date: 2026-10-01, type: HOLIDAY, name: 国庆节}
        """)).hasMessageContaining("2026-10-01 重复");
    assertThatThrownBy(() -> read("""
        years:
          2026:
            - {date: 2026-10-08, type: WORKDAY, name: 国庆节调休}
        """)).hasMessageContaining("不能列为 WORKDAY");
    assertThatThrownBy(() -> read("""
        years:
          2026:
            - {date: 2026-10-03, type: HOLIDAY, name: 国庆节}
        """)).hasMessageContaining("不必列为 HOLIDAY");
    assertThatThrownBy(() -> read("""
        years:
          2026:
            - {date: 2026-10-01, type: REST, name: 国庆节}
        """)).hasMessageContaining("未知的类型 REST");
    assertThatThrownBy(() -> read("""
        years:
          2026:
            - {date: 2025-10-01, type: HOLIDAY, name: 国庆节}
        """)).hasMessageContaining("不在 2026 年");
    assertThatThrownBy(() -> read("""
        years:
          2026:
            - {date: 2026-13-01, type: HOLIDAY, name: 国庆节}
        """)).hasMessageContaining("日期应为 yyyy-MM-dd，实为 2026-13-01");
    assertThatThrownBy(() -> read("""
        years:
          2026:
            - {date: 2026-02-30, type: HOLIDAY, name: 春节}
        """)).hasMessageContaining("实为 2026-02-30");
    assertThatThrownBy(() -> read("""
        years:
          2026:
            - {date: 2026-10-01, type: HOLIDAY, name: 国庆节, source: gov.cn}
        """)).hasMessageContaining("未知字段 source");
    assertThatThrownBy(() -> read("""
        years:
          1999:
            - {date: 1999-10-01, type: HOLIDAY, name: 国庆节}
        """)).hasMessageContaining("年份 1999 无效");
  }

  @Test
  void quotedDatesAndEmptyYearsAreAccepted() {
    ShippedDays days = read("""
        years:
          2030:
          2031:
            - {date: "2031-10-01", type: holiday, name: 国庆节}
        """);
    assertThat(days.years()).containsExactlyInAnyOrder(2030, 2031);
    assertThat(days.days()).containsExactly(new CalendarDay(LocalDate.of(2031, 10, 1), DayType.HOLIDAY, "国庆节"));
  }
}
