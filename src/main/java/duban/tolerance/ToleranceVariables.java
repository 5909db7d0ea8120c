package duban.tolerance;

import duban.supervision.Decision;
import duban.supervision.Var;

/**
 * The variable catalogue of {@code ToleranceApplicationProcess}. The application also carries the context variables
 * of the task it concerns under the supervision process's names (taskNumber, taskTitle, measure, …), copied when it
 * is filed, so its forms and notices read like the task's own.
 */
final class ToleranceVariables {

  private ToleranceVariables() {}

  // 容错申请
  /** The user who filed it (the start event's initiator). */
  static final Var<String> APPLICANT = Var.string("applicant");
  static final Var<String> APPLICANT_UNIT = Var.string("applicantUnit");
  static final Var<String> APPLICANT_UNIT_NAME = Var.string("applicantUnitName");
  /** The business key of the task's supervision process, as the applicant typed it. */
  static final Var<String> TASK_KEY = Var.string("taskKey");
  static final Var<String> WHAT_HAPPENED = Var.string("whatHappened");
  static final Var<String> APPLICATION_KEY = Var.string("applicationKey");
  static final Var<String> SUPERVISION_INSTANCE = Var.string("supervisionInstanceId");

  // 调查启动
  static final Var<String> OPEN_DECISION = Var.string("openDecision");
  /** The choices of {@link #OPEN_DECISION}: investigate, or decline the application. */
  enum OpenDecision implements Decision { ACCEPT, DECLINE }
  static final Var<String> OPEN_REASON = Var.string("openReason");

  // 组织认定, 申诉 and 复核认定
  static final Var<String> DETERMINATION = Var.string("determination");
  static final Var<String> DETERMINATION_REASONING = Var.string("determinationReasoning");
  static final Var<String> APPEAL_DECISION = Var.string("appealDecision");
  /** The choices of {@link #APPEAL_DECISION}: accept the determination, or appeal it (once). */
  enum AppealDecision implements Decision { ACCEPT, APPEAL }
  static final Var<String> APPEAL_REASON = Var.string("appealReason");
  static final Var<String> APPEAL_ENDS_TEXT = Var.string("appealEndsText");
  static final Var<String> REDETERMINATION = Var.string("redetermination");
  static final Var<String> REDETERMINATION_REASONING = Var.string("redeterminationReasoning");
  /** The determination that took effect: the redetermination after an appeal, else the determination. */
  static final Var<String> FINAL_DETERMINATION = Var.string("finalDetermination");

  /** The outcomes of {@link #DETERMINATION} and {@link #REDETERMINATION}; the forms send the Chinese words. */
  enum Determination implements Decision {
    /** 免责: the task is closed without a negative evaluation. */
    EXEMPT("免责"),
    /** 从轻减轻: the task resumes, with the determination on record. */
    MITIGATED("从轻减轻"),
    /** 不予容错: the task resumes, with the determination on record. */
    NOT_TOLERATED("不予容错");

    private final String value;

    Determination(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }
  }
}
