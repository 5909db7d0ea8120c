package duban.target;

import duban.supervision.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the quantitative targets out of a 具体措施: every Arabic number followed by a measure word, outside quotes
 * and book titles (names such as “3个10” or 《…》), not an ordinal (第3项). Years and plan periods are no targets
 * because 年 is no measure word. Pure: no Spring, no database.
 */
public final class TargetExtractor {

  private static final String UNITS = "人次|万元|亿元|平方米|家|个|人|名|项|场|支|所|%|座|条|件|户|次|批|元|亩|套|台|篇|期|处";
  private static final Pattern NUMBER = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)(?:\\s*[-~～—–至到]\\s*(\\d+(?:\\.\\d+)?))?\\s*(万|亿)?\\s*(" + UNITS + ")");
  /** “3个10”: the name of three targets of ten each, spelled out after it. */
  private static final Pattern GROUP_NAME = Pattern.compile("(\\d+)\\s*个\\s*(\\d+)");
  private static final Pattern DATE = Pattern.compile(
      "到\\s*(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月)?(?:年底|年末|底|末)?"
          + "|(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月)?\\s*(?:年底|年末|底|末)?\\s*(?:前|以前|之前|内|以内)"
          + "|([“\"]?十四五[”\"]?)(?:末|期末)");
  private static final String SENTENCE_END = "。；;！!？?\n";
  private static final String CLAUSE_END = "，,：:";
  private static final String OPENING = "“‘\"《〈「『";
  private static final String CLOSING = "”’\"》〉」』";
  private static final LocalDate END_OF_14TH_FIVE_YEAR_PLAN = LocalDate.of(2025, 12, 31);

  private TargetExtractor() {}

  /** A target found at [start, end) of the measure, before its text is cut. */
  private record Found(int start, int end, Target target) {}

  public static List<Target> extract(String measure) {
    if (measure == null || measure.isBlank()) {
      return List.of();
    }
    String text = halfWidthDigits(measure);
    boolean[] quoted = quoted(text);
    List<Target> targets = new ArrayList<>();
    int sentenceStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
        if (i > sentenceStart) {
          targets.addAll(sentence(measure, text, quoted, sentenceStart, i));
        }
        sentenceStart = i + 1;
      }
    }
    return List.copyOf(targets);
  }

  private static List<Target> sentence(String original, String text, boolean[] quoted, int from, int to) {
    String sentence = text.substring(from, to);
    List<int[]> dates = new ArrayList<>(); // {position, epochDay}
    Matcher d = DATE.matcher(sentence);
    while (d.find()) {
      dates.add(new int[] {d.end(), (int) date(d).toEpochDay()});
    }
    List<Integer> perYearMarks = new ArrayList<>();
    for (int at = sentence.indexOf("每年"); at >= 0; at = sentence.indexOf("每年", at + 2)) {
      perYearMarks.add(at);
    }
    List<Found> found = new ArrayList<>();
    int perYearLeft = 0;
    int nextMark = 0;
    int groupAt = -1;
    int groupSize = 0;
    Matcher group = GROUP_NAME.matcher(sentence);
    if (group.find()) {
      groupAt = group.start();
      groupSize = Integer.parseInt(group.group(1));
    }
    Matcher m = NUMBER.matcher(sentence);
    while (m.find()) {
      int start = from + m.start();
      int end = from + m.end();
      if (quoted[start] || ordinal(text, start) || (end < text.length() && Character.isDigit(text.charAt(end)))
          || (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.'))) {
        continue;
      }
      while (nextMark < perYearMarks.size() && perYearMarks.get(nextMark) < m.start()) {
        // 每年 reaches the first target after it, or the targets a “N个M” name after it spells out
        perYearLeft = groupAt > perYearMarks.get(nextMark) && groupAt < m.start() ? groupSize : 1;
        nextMark++;
      }
      boolean perYear = perYearLeft > 0;
      if (perYear) {
        perYearLeft--;
      }
      String suffix = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 2));
      String prefix = clausePrefix(sentence, m.start());
      int tail = suffix.startsWith("以上") || suffix.startsWith("左右") || suffix.startsWith("以内")
          || suffix.startsWith("以下") ? 2 : 0;
      BigDecimal value = scaled(m.group(1), m.group(3));
      BigDecimal upper = m.group(2) == null ? null : scaled(m.group(2), m.group(3));
      String comparator = upper != null ? "range" : comparator(prefix, suffix);
      LocalDate dueBy = null;
      for (int[] date : dates) {
        if (date[0] <= m.start()) {
          dueBy = LocalDate.ofEpochDay(date[1]);
        }
      }
      found.add(new Found(start, end + tail, new Target(null, value, upper, m.group(4), comparator, perYear, dueBy)));
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      int clauseStart = clauseStart(text, from, f.start());
      int clauseEnd = clauseEnd(text, f.end(), to);
      boolean shared = (i > 0 && found.get(i - 1).end() > clauseStart)
          || (i + 1 < found.size() && found.get(i + 1).start() < clauseEnd);
      int textStart = clauseStart;
      int textEnd = clauseEnd;
      if (shared) {
        // several targets in one clause: each its own 、-part, cut before a following 和… that names no number
        int partStart = partStart(text, quoted, clauseStart, f.start());
        int partEnd = partEnd(text, quoted, f.end(), clauseEnd);
        boolean alone = (i == 0 || found.get(i - 1).end() <= partStart)
            && (i + 1 == found.size() || found.get(i + 1).start() >= partEnd);
        textStart = alone ? partStart : i > 0 ? Math.max(clauseStart, found.get(i - 1).end()) : clauseStart;
        boolean conjunctionFollows = f.end() < partEnd && "和及与".indexOf(text.charAt(f.end())) >= 0;
        textEnd = alone && !conjunctionFollows ? partEnd : f.end();
      }
      Target t = f.target();
      targets.add(new Target(trim(original.substring(textStart, textEnd)), t.value(), t.upper(), t.unit(),
          t.comparator(), t.perYear(), t.dueBy()));
    }
    return targets;
  }

  private static String comparator(String prefix, String suffix) {
    if (prefix.endsWith("不超过") || prefix.endsWith("不高于") || suffix.startsWith("以内") || suffix.startsWith("以下")) {
      return "≤";
    }
    if (prefix.endsWith("超过") || prefix.endsWith("多于") || prefix.endsWith("高于")) {
      return ">";
    }
    if (prefix.endsWith("不少于") || prefix.endsWith("不低于") || prefix.endsWith("至少") || suffix.startsWith("以上")) {
      return "≥";
    }
    if (suffix.startsWith("左右") || prefix.endsWith("约")) {
      return "≈";
    }
    return "=";
  }

  private static LocalDate date(Matcher d) {
    if (d.group(5) != null) {
      return END_OF_14TH_FIVE_YEAR_PLAN;
    }
    int year = Integer.parseInt(d.group(1) != null ? d.group(1) : d.group(3));
    String month = d.group(1) != null ? d.group(2) : d.group(4);
    return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, Integer.parseInt(month)).atEndOfMonth();
  }

  private static BigDecimal scaled(String number, String multiplier) {
    BigDecimal value = new BigDecimal(number);
    if ("万".equals(multiplier)) {
      value = value.multiply(BigDecimal.valueOf(10_000));
    } else if ("亿".equals(multiplier)) {
      value = value.multiply(BigDecimal.valueOf(100_000_000));
    }
    return Target.normal(value);
  }

  private static String clausePrefix(String sentence, int at) {
    int start = at;
    while (start > 0 && CLAUSE_END.indexOf(sentence.charAt(start - 1)) < 0) {
      start--;
    }
    return sentence.substring(start, at).strip();
  }

  private static int clauseStart(String text, int from, int at) {
    int start = at;
    while (start > from && CLAUSE_END.indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    return start;
  }

  private static int clauseEnd(String text, int at, int to) {
    int end = at;
    while (end < to && CLAUSE_END.indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return end;
  }

  private static int partStart(String text, boolean[] quoted, int from, int at) {
    int start = at;
    while (start > from && !(text.charAt(start - 1) == '、' && !quoted[start - 1])) {
      start--;
    }
    return start;
  }

  private static int partEnd(String text, boolean[] quoted, int at, int to) {
    int end = at;
    while (end < to && !(text.charAt(end) == '、' && !quoted[end])) {
      end++;
    }
    return end;
  }

  private static boolean ordinal(String text, int start) {
    int i = start - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i >= 0 && text.charAt(i) == '第';
  }

  /** Characters inside quotes or book-title marks: names, not targets. */
  private static boolean[] quoted(String text) {
    boolean[] quoted = new boolean[text.length() + 1];
    int depth = 0;
    boolean straight = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        straight = !straight;
      } else if (OPENING.indexOf(c) >= 0) {
        depth++;
      } else if (CLOSING.indexOf(c) >= 0 && depth > 0) {
        depth--;
      }
      quoted[i] = depth > 0 || straight;
    }
    return quoted;
  }

  private static String trim(String phrase) {
    String t = phrase.strip().replaceAll("^[、和及与并即]+", "").strip();
    return t;
  }

  /** Full-width digits and signs as ASCII, one character for one, so positions stay those of the original. */
  private static String halfWidthDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= '０' && c <= '９') {
        out.append((char) ('0' + (c - '０')));
      } else if (c == '％') {
        out.append('%');
      } else if (c == '．') {
        out.append('.');
      } else if (c == '－' || c == '～') {
        out.append('-');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
