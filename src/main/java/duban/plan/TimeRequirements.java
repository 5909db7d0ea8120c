package duban.plan;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the 时间要求 phrases of a task-division table into deadlines, long-term cycles and milestones. */
public final class TimeRequirements {

  /**
   * What a phrase means.
   *
   * @param deadline null for a long-term or periodic task
   * @param cycle for 每年, 每季度, 每半年, 每月: YEARLY, QUARTERLY, HALF_YEARLY, MONTHLY; null otherwise (a 长期
   *     task reports on the configured cycle)
   * @param milestones the earlier dates of a cell with several (分阶段), in text order; the last date is the deadline
   */
  public record Timing(LocalDate deadline, String cycle, List<LocalDate> milestones) {

    public Timing {
      milestones = List.copyOf(milestones);
    }

    static Timing longTerm(String cycle) {
      return new Timing(null, cycle, List.of());
    }

    static Timing by(LocalDate deadline) {
      return new Timing(deadline, null, List.of());
    }
  }

  private static final Set<String> LONG_TERM = Set.of("长期", "持续推进", "常态化推进", "长期坚持", "持续开展",
      "常态化开展", "持续实施", "长期推进", "常态化", "持续", "长期开展", "长期实施", "常年", "持续落实", "常态化落实");
  private static final LocalDate END_OF_14TH_FIVE_YEAR_PLAN = LocalDate.of(2025, 12, 31);
  // One date phrase. Group 1 year, 2 month, 3 day, 4 上/下半年; or 5 for the 十四五 end; or 6 for a phrase that needs
  // the plan year (年内, 年底前). Straight quotes appear when text is retyped.
  private static final Pattern DATE = Pattern.compile(
      "(?:(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*[日号])?|([上下])半年)?|([“\"]?十四五[”\"]?)(?:末|期间|时期)"
          + "|(今年|本年度|年内|年底|年末))"
          + "(?:\\s*(?:年底|年末|底|末|以前|之前|前|内|以内|止))*");
  // What may stand around the dates of a cell: connecting words and punctuation, nothing that could be a date.
  private static final Pattern FILLER = Pattern.compile("[\\s，,；;。、：:—–\\-~～至到和及并分阶段完成启动实现全面基本初步开展"
      + "推进建成取得突破见效前后（）()]*");
  private static final Pattern PERIODIC = Pattern.compile("每(年|季度|半年|月)(?:\\S*)");

  private TimeRequirements() {}

  /**
   * The deadline a phrase stands for, or empty for a long-term (长期) task; for phrases that need no plan year.
   *
   * @throws IllegalArgumentException for any other phrase; the message is user-facing
   */
  public static Optional<LocalDate> deadline(String phrase) {
    return Optional.ofNullable(read(phrase, null).deadline());
  }

  /**
   * @param planYear the year 年内 and 年底前 refer to; null if the plan states none
   * @throws IllegalArgumentException naming the phrase, for a phrase that is none of the known shapes
   */
  public static Timing read(String phrase, Integer planYear) {
    String text = Normalizer.normalize(phrase == null ? "" : phrase, Normalizer.Form.NFKC).strip();
    // NFKC turns full-width digits into ASCII but keeps Chinese quotes; trailing 。 is punctuation.
    text = text.replaceAll("[。.]+$", "");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("时间要求为空");
    }
    if (LONG_TERM.contains(text)) {
      return Timing.longTerm(null);
    }
    Matcher periodic = PERIODIC.matcher(text);
    if (periodic.matches()) {
      return Timing.longTerm(switch (periodic.group(1)) {
        case "年" -> "YEARLY";
        case "季度" -> "QUARTERLY";
        case "半年" -> "HALF_YEARLY";
        default -> "MONTHLY";
      });
    }
    List<LocalDate> dates = new ArrayList<>();
    Matcher date = DATE.matcher(text);
    int end = 0;
    StringBuilder rest = new StringBuilder();
    while (date.find()) {
      if (date.end() == date.start()) {
        continue;
      }
      rest.append(text, end, date.start());
      end = date.end();
      dates.add(date(date, text, planYear));
    }
    rest.append(text.substring(end));
    if (dates.isEmpty() || !FILLER.matcher(rest).matches()) {
      throw new IllegalArgumentException("无法识别的时间要求「" + text + "」，应为如 2024年6月底前、2025年底前、"
          + "2024年3月31日前、“十四五”末、年内、长期、持续推进、每年、每季度，或分阶段的几个日期");
    }
    LocalDate deadline = dates.get(dates.size() - 1);
    return new Timing(deadline, null, dates.subList(0, dates.size() - 1));
  }

  private static LocalDate date(Matcher m, String text, Integer planYear) {
    if (m.group(5) != null) {
      return END_OF_14TH_FIVE_YEAR_PLAN;
    }
    if (m.group(6) != null) {
      if (planYear == null) {
        throw new IllegalArgumentException("时间要求「" + text + "」指计划年度年底，但标题中没有年份：请填写计划年度（year 参数）");
      }
      return LocalDate.of(planYear, 12, 31);
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(4) != null) {
      return m.group(4).equals("上") ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }
    if (m.group(2) == null) {
      return LocalDate.of(year, 12, 31);
    }
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("时间要求「" + text + "」中的月份 " + month + " 不存在");
    }
    YearMonth yearMonth = YearMonth.of(year, month);
    if (m.group(3) == null) {
      return yearMonth.atEndOfMonth();
    }
    int day = Integer.parseInt(m.group(3));
    if (!yearMonth.isValidDay(day)) {
      throw new IllegalArgumentException("时间要求「" + text + "」中的日期 " + month + "月" + day + "日 不存在");
    }
    return yearMonth.atDay(day);
  }
}
