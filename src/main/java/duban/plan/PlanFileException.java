package duban.plan;

/** A file that cannot be read as a table at all (broken, encrypted, old format, no table, too large). */
public class PlanFileException extends RuntimeException {

  private final boolean tooLarge;

  PlanFileException(String message) {
    this(message, false, null);
  }

  PlanFileException(String message, Throwable cause) {
    this(message, false, cause);
  }

  private PlanFileException(String message, boolean tooLarge, Throwable cause) {
    super(message, cause);
    this.tooLarge = tooLarge;
  }

  static PlanFileException tooLarge(String message) {
    return new PlanFileException(message, true, null);
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}
