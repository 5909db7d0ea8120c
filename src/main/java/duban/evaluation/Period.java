package duban.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A month ({@code 2026-11}) or a quarter ({@code 2026-Q4}) that a bulletin or an evaluation covers. */
public record Period(String code, LocalDate first, LocalDate last, String label) {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

  public static Period parse(String code) {
    String value = code == null ? "" : code.strip();
    Matcher quarter = QUARTER.matcher(value);
    if (quarter.matches()) {
      int year = Integer.parseInt(quarter.group(1));
      int q = Integer.parseInt(quarter.group(2));
      LocalDate first = LocalDate.of(year, 3 * q - 2, 1);
      return new Period(value, first, first.plusMonths(3).minusDays(1), year + "年第" + QUARTER_NAMES[q - 1] + "季度");
    }
    try {
      YearMonth month = YearMonth.parse(value);
      return new Period(value, month.atDay(1), month.atEndOfMonth(),
          month.getYear() + "年" + month.getMonthValue() + "月");
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("期间「" + value + "」无法识别：请写成月份（如 2026-11）或季度（如 2026-Q4）");
    }
  }

  public static Period monthOf(LocalDate day) {
    return parse(YearMonth.from(day).toString());
  }

  public static Period quarterOf(LocalDate day) {
    return parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
  }

  /** The period before this one, of the same kind. */
  public Period previous() {
    return code.contains("Q") ? quarterOf(first.minusDays(1)) : monthOf(first.minusDays(1));
  }

  /**
   * Refuses a period that has not begun or that ended before the plan was imported (duban holds nothing of it).
   */
  public Period checkedAgainst(LocalDate today, LocalDate planStart) {
    if (first.isAfter(today)) {
      throw new IllegalArgumentException("期间「" + code + "」（" + label + "）尚未开始，今天是 " + today);
    }
    if (last.isBefore(planStart)) {
      throw new IllegalArgumentException("期间「" + code + "」（" + label + "）早于本任务分工表导入督办系统的日期 " + planStart);
    }
    return this;
  }

  /** The day the figures are taken at: the period's last day, or today while it runs. */
  public LocalDate cutOff(LocalDate today) {
    return last.isAfter(today) ? today : last;
  }
}
