package duban.tolerance;

/**
 * The variable catalogue of {@code ToleranceApplicationProcess}. The application also carries the context variables
 * of the task it concerns under the supervision process's names (taskNumber, taskTitle, measure, …), copied when it
 * is filed, so its forms and notices read like the task's own.
 */
final class ToleranceVariables {

  private ToleranceVariables() {}

  static final String PROCESS_KEY = "ToleranceApplicationProcess";
  static final String FORM_APPLICATION = "tolerance-application";

  /** The user who filed it (the start event's initiator). */
  static final String APPLICANT = "applicant";
  static final String APPLICANT_UNIT = "applicantUnit";
  static final String APPLICANT_UNIT_NAME = "applicantUnitName";
  /** The business key of the task's supervision process, as the applicant typed it. */
  static final String TASK_KEY = "taskKey";
  static final String APPLICATION_KEY = "applicationKey";
  static final String SUPERVISION_INSTANCE = "supervisionInstanceId";

  static final String OPEN_DECISION = "openDecision";
  static final String OPEN_REASON = "openReason";
  static final String DETERMINATION = "determination";
  static final String DETERMINATION_REASONING = "determinationReasoning";
  static final String APPEAL_DECISION = "appealDecision";
  static final String APPEAL_REASON = "appealReason";
  static final String APPEAL_ENDS_TEXT = "appealEndsText";
  static final String REDETERMINATION = "redetermination";
  static final String REDETERMINATION_REASONING = "redeterminationReasoning";
  static final String FINAL_DETERMINATION = "finalDetermination";

  static final String EXEMPT = "免责";
}
