package duban.overview;

import java.util.Set;

/** Which tasks a caller sees: every task, or those its units lead or support. */
record Scope(boolean everything, Set<String> units) {

  static Scope all() {
    return new Scope(true, Set.of());
  }

  static Scope of(Set<String> units) {
    return new Scope(false, Set.copyOf(units));
  }

  boolean sees(StoredTask task) {
    return everything || units.stream().anyMatch(task::involves);
  }

  boolean seesUnit(String unit) {
    return everything || units.contains(unit);
  }
}
