package duban.plan;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the 时间要求 phrases of a task-division table into deadlines. */
public final class TimeRequirements {

  private static final String LONG_TERM = "长期";
  // The 14th Five-Year Plan covers 2021–2025. Straight quotes appear when text is retyped.
  private static final Pattern END_OF_14TH_FIVE_YEAR_PLAN = Pattern.compile("[“\"]十四五[”\"]末");
  private static final LocalDate END_OF_2025 = LocalDate.of(2025, 12, 31);
  private static final Pattern YEAR_END = Pattern.compile("(\\d{4})年年底");

  private TimeRequirements() {}

  /**
   * The deadline a phrase stands for, or empty for a long-term (长期) task.
   *
   * @throws IllegalArgumentException for any other phrase; the message is user-facing
   */
  public static Optional<LocalDate> deadline(String phrase) {
    String text = phrase == null ? "" : phrase.strip();
    if (text.equals(LONG_TERM)) {
      return Optional.empty();
    }
    if (END_OF_14TH_FIVE_YEAR_PLAN.matcher(text).matches()) {
      return Optional.of(END_OF_2025);
    }
    Matcher yearEnd = YEAR_END.matcher(text);
    if (yearEnd.matches()) {
      return Optional.of(LocalDate.of(Integer.parseInt(yearEnd.group(1)), 12, 31));
    }
    throw new IllegalArgumentException(
        "无法识别的时间要求「" + text + "」，应为“十四五”末、YYYY年年底或长期");
  }
}
