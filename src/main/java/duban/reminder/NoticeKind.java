package duban.reminder;

/** The rungs of the ladder, the step-limit reminder, and the notices about no task (accounts, bulletins). */
public enum NoticeKind {
  APPROACHING("临近提醒"),
  URGE("催办通知"),
  OVERDUE("逾期督办"),
  STEP("超时提醒"),
  TOLERANCE("容错纠错"),
  ACCOUNT("账号安全"),
  BULLETIN("情况通报");

  private final String label;

  NoticeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A notice about no task goes out as it was written, never gathered into a 督办通知单. */
  public boolean aboutTasks() {
    return this != ACCOUNT && this != BULLETIN;
  }
}
