package duban.calendar;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The shipped holiday file ({@code seeds/holidays.yaml}): the days of each published year that differ from the
 * Monday–Friday rule. Reading checks the format strictly, so a typo stops start-up instead of moving deadlines.
 */
record ShippedDays(List<CalendarDay> days, Set<Integer> years) {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private static final Set<String> KEYS = Set.of("date", "type", "name");

  ShippedDays {
    days = List.copyOf(days);
    years = Set.copyOf(years);
  }

  static ShippedDays read(InputStream in) {
    Object root;
    try {
      root = new Yaml(new DatesAsText()).load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (YAMLException e) {
      throw new IllegalStateException("节假日数据不是合法的 YAML：" + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> top) || !(top.get("years") instanceof Map<?, ?> byYear)) {
      throw new IllegalStateException("节假日数据格式错误：缺少顶层 years 映射");
    }
    List<String> problems = new ArrayList<>();
    List<CalendarDay> days = new ArrayList<>();
    Set<Integer> years = new TreeSet<>();
    Set<LocalDate> seen = new HashSet<>();
    byYear.forEach((key, value) -> {
      if (!(key instanceof Integer year) || year < FIRST_YEAR || year > LAST_YEAR) {
        problems.add("年份 " + key + " 无效：应为 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间的整数");
        return;
      }
      years.add(year);
      if (value == null) {
        return; // a year without deviations
      }
      if (!(value instanceof List<?> entries)) {
        problems.add(year + " 年：应为日期列表");
        return;
      }
      for (int i = 0; i < entries.size(); i++) {
        String label = year + " 年第" + (i + 1) + "项";
        if (!(entries.get(i) instanceof Map<?, ?> entry)) {
          problems.add(label + "：应为 {date, type, name} 映射");
          continue;
        }
        CalendarDay day = day(label, year, entry, problems);
        if (day != null && !seen.add(day.date())) {
          problems.add(label + "：日期 " + day.date() + " 重复");
        } else if (day != null) {
          days.add(day);
        }
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException("节假日数据格式错误：\n" + String.join("\n", problems));
    }
    return new ShippedDays(days, years);
  }

  private static CalendarDay day(String label, int year, Map<?, ?> entry, List<String> problems) {
    entry.keySet().stream().filter(k -> !KEYS.contains(k)).forEach(k -> problems.add(label + "：未知字段 " + k));
    LocalDate date = date(label, entry.get("date"), problems);
    DayType type = null;
    try {
      type = DayType.parse(entry.get("type") instanceof String s ? s : null);
    } catch (IllegalArgumentException e) {
      problems.add(label + "：" + e.getMessage());
    }
    if (!(entry.get("name") instanceof String name) || name.isBlank()) {
      problems.add(label + "：缺少名称 name");
      return null;
    }
    if (date == null || type == null) {
      return null;
    }
    if (date.getYear() != year) {
      problems.add(label + "：日期 " + date + " 不在 " + year + " 年");
      return null;
    }
    // The file lists deviations only; anything else is a slip that would go unnoticed.
    boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    if (type == DayType.HOLIDAY && weekend) {
      problems.add(label + "：" + date + " 是周末，本来就休息，不必列为 HOLIDAY");
      return null;
    }
    if (type == DayType.WORKDAY && !weekend) {
      problems.add(label + "：" + date + " 是周一至周五，本来就上班，不能列为 WORKDAY（调休上班日应为周六或周日）");
      return null;
    }
    return new CalendarDay(date, type, name.trim());
  }

  private static LocalDate date(String label, Object value, List<String> problems) {
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(label + "：日期应为 yyyy-MM-dd，实为 " + value);
    return null;
  }

  /**
   * Keeps unquoted dates as text: SnakeYAML's own timestamps are lenient (2026-02-30 becomes 2026-03-02), the strict
   * ISO parser above is not.
   */
  static final class DatesAsText extends SafeConstructor {

    DatesAsText() {
      super(new LoaderOptions());
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }
}
