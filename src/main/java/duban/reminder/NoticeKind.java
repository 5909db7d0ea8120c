package duban.reminder;

/** The rungs of the ladder, and the step-limit reminder. */
public enum NoticeKind {
  APPROACHING("临近提醒"),
  URGE("催办通知"),
  OVERDUE("逾期督办"),
  STEP("超时提醒"),
  TOLERANCE("容错纠错");

  private final String label;

  NoticeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
