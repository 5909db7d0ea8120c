package duban.supervision;

/** Where a task's supervision stands, in the words of the 督办台账's 办理状态 column. */
public enum TaskStage {
  AWAITING_ACKNOWLEDGEMENT("待签收"),
  IN_PROGRESS("办理中"),
  AWAITING_REVIEW("待审核"),
  DONE("已办结"),
  EXTENSION_REQUESTED("申请延期"),
  EXTENDED("已延期"),
  TOLERANCE_REVIEW("容错审查中"),
  EXEMPTED("容错免责");

  private final String label;

  TaskStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The work stage an activity of the supervision process stands for; null for one that does not change it. */
  public static TaskStage ofActivity(String activityId) {
    return switch (activityId) {
      case SupervisionProcess.DESIGNATE_UNITS, SupervisionProcess.ACKNOWLEDGE, SupervisionProcess.REASSIGN ->
          AWAITING_ACKNOWLEDGEMENT;
      case SupervisionProcess.SUBMIT_CONTRIBUTION, SupervisionProcess.SUBMIT_REPORT,
          SupervisionProcess.NEXT_REPORTING_PERIOD -> IN_PROGRESS;
      case SupervisionProcess.REVIEW_EXTENSION -> EXTENSION_REQUESTED;
      case SupervisionProcess.REVIEW_REPORT, SupervisionProcess.SIGN_OFF -> AWAITING_REVIEW;
      default -> null;
    };
  }

  /**
   * What the office sees: a closed task is 已办结 or 容错免责, an open 容错 application is 容错审查中, and work under an
   * approved extension is 已延期.
   */
  public static TaskStage shown(TaskStage work, boolean closed, String outcome, boolean toleranceOpen,
      int extensionCount) {
    if (closed) {
      return TaskSnapshot.EXEMPTED_OUTCOME.equals(outcome) ? EXEMPTED : DONE;
    }
    if (toleranceOpen) {
      return TOLERANCE_REVIEW;
    }
    if (work == IN_PROGRESS && extensionCount > 0) {
      return EXTENDED;
    }
    return work == null ? AWAITING_ACKNOWLEDGEMENT : work;
  }
}
