package duban.plan;

/** What one import did. */
public record ImportResult(String planCode, String title, int tasks, int started, int skipped, long millis) {

  @Override
  public String toString() {
    return "plan " + planCode + " \"" + title + "\": " + tasks + " tasks, " + started + " instances started, "
        + skipped + " skipped, " + millis + " ms";
  }
}
