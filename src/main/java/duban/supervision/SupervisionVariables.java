package duban.supervision;

/**
 * The variable catalogue of {@code TaskSupervisionProcess}. Unit lists are stored as comma-separated unit codes
 * (ids, not entities) so Cockpit shows them as readable text.
 */
public final class SupervisionVariables {

  private SupervisionVariables() {}

  // the task as imported
  public static final Var<String> PLAN_CODE = Var.string("planCode");
  public static final Var<Integer> TASK_NUMBER = Var.integer("taskNumber");
  public static final Var<String> TASK_TITLE = Var.string("taskTitle");
  public static final Var<String> MEASURE = Var.string("measure");
  public static final Var<String> TIME_REQUIREMENT = Var.string("timeRequirement");
  /** ISO date, absent for 长期 tasks. */
  public static final Var<String> DEADLINE = Var.string("deadline");
  public static final Var<String> DEADLINE_TEXT = Var.string("deadlineText");
  public static final Var<Boolean> LONG_TERM = Var.bool("longTerm");
  public static final Var<Boolean> HAS_TARGET = Var.bool("hasTarget");

  // quantitative targets (duban.target): a fixed number of slots the report form shows as the task has targets
  public static final int TARGET_SLOTS = 6;
  public static final Var<Integer> TARGET_COUNT = Var.integer("targetCount");
  /** The values reported against the targets, and the targets beside them, for review and sign-off (plain text). */
  public static final Var<String> TARGET_SUMMARY = Var.string("targetSummary");

  /** Whether slot 1…{@value #TARGET_SLOTS} holds a target: the report form shows its field only then. */
  public static Var<Boolean> targetShown(int slot) {
    return Var.bool("hasTarget" + slot);
  }

  /** The target of a slot as the report form shows it beside its field. */
  public static Var<String> targetLabel(int slot) {
    return Var.string("target" + slot + "Label");
  }

  /** The number field a slot's achieved value is reported in. */
  public static String achievedValue(int slot) {
    return "achievedValue" + slot;
  }

  // units
  public static final Var<String> LEAD_UNITS = Var.string("leadUnits");
  public static final Var<String> LEAD_UNIT_NAMES = Var.string("leadUnitNames");
  public static final Var<String> PRIMARY_LEAD_UNIT = Var.string("primaryLeadUnit");
  public static final Var<String> SUPPORTING_UNITS = Var.string("supportingUnits");
  public static final Var<String> SUPPORTING_UNIT_NAMES = Var.string("supportingUnitNames");
  public static final Var<String> CONTRIBUTOR_UNITS = Var.string("contributorUnits");
  public static final Var<Integer> CONTRIBUTOR_COUNT = Var.integer("contributorCount");
  /**
   * True where a lead is a collective with listed members (各区县政府, 功能区管委会, 联席会议成员单位): every lead unit then
   * reports its own part and the office reviews each part; otherwise the primary lead reports for all.
   */
  public static final Var<Boolean> BREAKDOWN = Var.bool("breakdown");
  /** The units that each report a part: every lead unit of a broken-down task, else the primary lead unit. */
  public static final Var<String> REPORTING_UNITS = Var.string("reportingUnits");
  /** The reporting units whose part of the current period (or of the task) the office has approved. */
  public static final Var<String> APPROVED_UNITS = Var.string("approvedUnits");
  /** The reporting units whose part is with the office for review. */
  public static final Var<String> UNITS_IN_REVIEW = Var.string("unitsInReview");

  // 交办: designation of collectives
  public static final Var<Boolean> NEEDS_DESIGNATION = Var.bool("needsDesignation");
  public static final Var<Boolean> LEAD_NEEDS_DESIGNATION = Var.bool("leadNeedsDesignation");
  public static final Var<Boolean> SUPPORT_NEEDS_DESIGNATION = Var.bool("supportNeedsDesignation");
  public static final Var<String> DESIGNATION_NOTE = Var.string("designationNote");
  public static final String DESIGNATED_LEAD_UNITS = "designatedLeadUnits";
  public static final String DESIGNATED_SUPPORTING_UNITS = "designatedSupportingUnits";
  public static final String UNIT_OPTIONS = "unitOptions";

  // 签收, local to each lead unit's acknowledgement
  public static final Var<String> LEAD_UNIT = Var.string("leadUnit");
  public static final Var<String> ACK_DECISION = Var.string("ackDecision");
  /** The choices of {@link #ACK_DECISION}. */
  public enum AckDecision implements Decision { ACCEPT, RETURN }
  public static final Var<String> RESPONSIBLE_PERSON = Var.string("responsiblePerson");
  public static final Var<String> CONTACT_PHONE = Var.string("contactPhone");
  /** Optional: the responsible person's e-mail, for the task's reminders. */
  public static final Var<String> CONTACT_EMAIL = Var.string("contactEmail");
  /**
   * The responsible persons named at 签收, for the task's reminders: a JSON array of {unit, name, phone, email},
   * one per accepting lead unit, on the process instance (the 签收 fields themselves are local to its task).
   */
  public static final Var<String> RESPONSIBLE_CONTACTS = Var.string("responsibleContacts");
  public static final Var<String> WORK_PLAN = Var.string("workPlan");
  public static final Var<String> MILESTONES = Var.string("milestones");
  public static final Var<String> RETURN_REASON = Var.string("returnReason");
  public static final Var<String> RETURNING_UNIT_NAME = Var.string("returningUnitName");
  public static final Var<String> REASSIGN_DECISION = Var.string("reassignDecision");
  /** The choices of {@link #REASSIGN_DECISION}: another unit leads, or the assignment stands. */
  public enum ReassignDecision implements Decision { REPLACE, CONFIRM }
  public static final Var<String> REPLACEMENT_UNIT = Var.string("replacementUnit");
  public static final Var<String> REASSIGN_COMMENT = Var.string("reassignComment");
  public static final Var<String> ACKNOWLEDGEMENT_SUMMARY = Var.string("acknowledgementSummary");

  // 承办/协办
  public static final Var<String> CONTRIBUTOR_UNIT = Var.string("contributorUnit");
  public static final Var<String> CONTRIBUTOR_ROLE = Var.string("contributorRole");
  public static final Var<String> CONTRIBUTION = Var.string("contribution");
  public static final Var<String> CONTRIBUTION_SUMMARY = Var.string("contributionSummary");

  // 报送, local to each reporting unit's part
  public static final Var<String> REPORTING_UNIT = Var.string("reportingUnit");
  public static final Var<String> SUBMISSION_TYPE = Var.string("submissionType");
  /** The choices of {@link #SUBMISSION_TYPE}: a progress report, or a request for an extension. */
  public enum SubmissionType implements Decision { REPORT, EXTENSION }
  public static final Var<String> REPORT_STATUS = Var.string("reportStatus");
  public static final Var<String> REPORT_SUMMARY = Var.string("reportSummary");
  public static final Var<String> ACHIEVED_FIGURES = Var.string("achievedFigures");
  public static final Var<String> EXTENSION_DATE = Var.string("extensionDate");
  public static final Var<String> EXTENSION_REASON = Var.string("extensionReason");
  public static final Var<String> EXTENSION_DECISION = Var.string("extensionDecision");
  /** The choices of {@link #EXTENSION_DECISION}. */
  public enum ExtensionDecision implements Decision { APPROVE, REJECT }
  public static final Var<String> EXTENSION_COMMENT = Var.string("extensionComment");
  public static final Var<Integer> EXTENSION_COUNT = Var.integer("extensionCount");
  public static final Var<Boolean> OVERDUE_AT_START = Var.bool("overdueAtStart");
  public static final Var<Boolean> OVERDUE = Var.bool("overdue");

  // 长期 reporting periods
  public static final Var<String> REPORTING_PERIOD = Var.string("reportingPeriod");
  public static final Var<String> REPORT_DUE_DATE = Var.string("reportDueDate");
  public static final Var<Integer> PERIODS_REPORTED = Var.integer("periodsReported");
  public static final Var<String> NEXT_ROUND_START = Var.string("nextRoundStart");

  // 审核 and 办结销号
  public static final Var<String> REVIEW_DECISION = Var.string("reviewDecision");
  /** The choices of {@link #REVIEW_DECISION}. */
  public enum ReviewDecision implements Decision { APPROVE, RETURN }
  public static final Var<String> REVIEW_COMMENT = Var.string("reviewComment");
  public static final Var<Integer> REVIEW_ROUNDS = Var.integer("reviewRounds");
  /** The unit whose report was returned, once per return: a member of a collective lead, or the lead unit. */
  public static final Var<String> RETURNED_UNITS = Var.string("returnedUnits");
  public static final Var<Boolean> CLOSE_TASK = Var.bool("closeTask");
  public static final Var<String> SIGN_OFF_DECISION = Var.string("signOffDecision");
  /** The choices of {@link #SIGN_OFF_DECISION}: sign off, or return to the office for another review. */
  public enum SignOffDecision implements Decision { APPROVE, RETURN }
  public static final Var<String> SIGN_OFF_COMMENT = Var.string("signOffComment");
  public static final Var<String> OUTCOME = Var.string("outcome");
  public static final Var<String> CLOSED_AT = Var.string("closedAt");

  // 红黄绿灯 and the reminder ladder
  public static final Var<String> TRAFFIC_LIGHT = Var.string("trafficLight");
  public static final Var<Boolean> AWAITING_REVIEW = Var.bool("awaitingReview");
  public static final Var<Boolean> REPORT_RETURNED = Var.bool("reportReturned");
  public static final Var<Boolean> REPORTED_LATE = Var.bool("reportedLate");
  public static final Var<String> NEXT_LADDER_CHECK = Var.string("nextLadderCheck");
  /** Set while a 容错 application about this task is open: overdue escalation pauses. */
  public static final Var<Boolean> TOLERANCE_OPEN = Var.bool("toleranceOpen");
  /** The final 容错 determination about this task, with its reasoning, for the record. */
  public static final Var<String> TOLERANCE_DETERMINATION = Var.string("toleranceDetermination");
  public static final Var<Boolean> NEGATIVE_EVALUATION = Var.bool("negativeEvaluation");
}
