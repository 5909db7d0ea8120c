package duban.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A quantitative target of a task's 具体措施 (超过400家, 每年10万人以上).
 *
 * @param text the phrase as written in the measure
 * @param value the number, 万 expanded; for a range its lower end
 * @param upper the upper end of a range (3-5个), null otherwise
 * @param unit the measure word: 家, 个, 人, 名, 项, 场, 支, 所, %…
 * @param comparator {@code >} 超过, {@code ≥} 不少于/以上, {@code ≈} 左右, {@code =} 达到 (or a bare number),
 *     {@code ≤} 不超过/以内, {@code range} 3-5
 * @param perYear 每年: reached afresh each year, the periods of a year summed; otherwise cumulative
 * @param dueBy the date the measure itself names for it (到2025年, 2022年内), null if it names none
 */
public record Target(String text, BigDecimal value, BigDecimal upper, String unit, String comparator, boolean perYear,
    LocalDate dueBy) {

  public static final java.util.Set<String> COMPARATORS = java.util.Set.of(">", "≥", "≈", "=", "≤", "range");

  /** The target as the office reads it: 超过 400 家, 3–5 个, 每年 100000 人以上. */
  public String label() {
    String number = plain(value) + ("range".equals(comparator) && upper != null ? "–" + plain(upper) : "");
    String phrase = switch (comparator) {
      case ">" -> "超过 " + number + " " + unit;
      case "≥" -> "不少于 " + number + " " + unit;
      case "≈" -> number + " " + unit + "左右";
      case "≤" -> "不超过 " + number + " " + unit;
      default -> number + " " + unit;
    };
    return (perYear ? "每年" : "") + phrase + (dueBy == null ? "" : "（" + dueBy + " 前）");
  }

  /**
   * Whether each member of a broken-down collective answers for this target on its own (每个区县建设不少于2家: every
   * district against 2), rather than all members together toward one total. Read from the phrase: 每个/各 + a member
   * kind, unless it says the members' total (共, 合计, 全市).
   */
  public boolean perMember() {
    return text != null && PER_MEMBER.matcher(text).find() && !WHOLE.matcher(text).find();
  }

  private static final java.util.regex.Pattern PER_MEMBER =
      java.util.regex.Pattern.compile("(每个|每一个|各)(区县|区|县|功能区|成员单位|单位|部门)");
  private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("共|合计|总计|全市");

  /** A number without trailing zeros or exponent: 15000, 1.5, 30. */
  public static String plain(BigDecimal number) {
    return number == null ? "" : normal(number).toPlainString();
  }

  /** The number with no trailing zeros and no negative scale, so 15000.0 and 1.5E+4 both read 15000. */
  public static BigDecimal normal(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
