package duban.unit;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How alike two unit names are: the better of the share of common characters (Dice over characters, which forgives
 * word order: 市科学技术局 / 科学技术局) and one minus the edit distance over the longer length.
 */
final class NameSimilarity {

  private static final double THRESHOLD = 0.4;
  // Words every unit name has: they make every pair look alike.
  private static final String COMMON = "济南市局委员会办公室政府管理中心";

  private NameSimilarity() {}

  static List<Unit> closest(List<Unit> units, String written, int limit) {
    String name = written == null ? "" : written.strip();
    if (name.isEmpty()) {
      return List.of();
    }
    Map<Unit, Double> scores = units.stream().collect(Collectors.toMap(Function.identity(),
        unit -> UnitDirectory.writtenForms(unit).stream().mapToDouble(form -> score(name, form)).max().orElse(0)));
    return scores.entrySet().stream()
        .filter(e -> e.getValue() >= THRESHOLD)
        .sorted(Map.Entry.<Unit, Double>comparingByValue().reversed()
            .thenComparing(e -> e.getKey().code(), Comparator.naturalOrder()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  static double score(String a, String b) {
    String x = significant(a);
    String y = significant(b);
    if (x.isEmpty() || y.isEmpty()) {
      x = a;
      y = b;
    }
    return Math.max(dice(x, y), 1.0 - (double) distance(x, y) / Math.max(x.length(), y.length()));
  }

  private static String significant(String name) {
    StringBuilder kept = new StringBuilder();
    name.codePoints().filter(c -> COMMON.indexOf(c) < 0).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static double dice(String a, String b) {
    Set<Integer> x = new HashSet<>(a.codePoints().boxed().toList());
    Set<Integer> y = new HashSet<>(b.codePoints().boxed().toList());
    Set<Integer> common = new HashSet<>(x);
    common.retainAll(y);
    return 2.0 * common.size() / (x.size() + y.size());
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
