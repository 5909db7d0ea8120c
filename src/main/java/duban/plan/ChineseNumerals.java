package duban.plan;

/** Section numbers such as 一, 十, 十二, 二十三 (1..99); enough for section headings. */
final class ChineseNumerals {

  private static final String DIGITS = "一二三四五六七八九";

  private ChineseNumerals() {}

  /** The value, or -1 if the text is not a numeral of that form. */
  static int parse(String numeral) {
    int ten = numeral.indexOf('十');
    if (ten < 0) {
      return numeral.length() == 1 ? digit(numeral.charAt(0)) : -1;
    }
    int tens = switch (ten) {
      case 0 -> 1;
      case 1 -> digit(numeral.charAt(0));
      default -> -1;
    };
    int rest = numeral.length() - ten - 1;
    int units = switch (rest) {
      case 0 -> 0;
      case 1 -> digit(numeral.charAt(ten + 1));
      default -> -1;
    };
    return tens < 0 || units < 0 ? -1 : tens * 10 + units;
  }

  /** The numeral of 1..99, e.g. 十二 for 12. */
  static String format(int number) {
    if (number < 1 || number > 99) {
      return String.valueOf(number);
    }
    int tens = number / 10;
    int units = number % 10;
    String head = tens == 0 ? "" : (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens - 1))) + "十";
    return head + (units == 0 ? "" : String.valueOf(DIGITS.charAt(units - 1)));
  }

  private static int digit(char c) {
    int index = DIGITS.indexOf(c);
    return index < 0 ? -1 : index + 1;
  }
}
