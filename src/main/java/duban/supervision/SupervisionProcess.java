package duban.supervision;


/** Ids of {@code bpmn/TaskSupervisionProcess.bpmn} that code and tests refer to. */
public final class SupervisionProcess {

  private SupervisionProcess() {}

  public static final String KEY = "TaskSupervisionProcess";

  public static final String DESIGNATE_UNITS = "Task_DesignateUnits";
  public static final String ACKNOWLEDGE = "Task_AcknowledgeAssignment";
  public static final String REASSIGN = "Task_ReassignAssignment";
  public static final String SUBMIT_CONTRIBUTION = "Task_SubmitContribution";
  /** The multi-instance subprocess in which each reporting unit reports its part and the office reviews it. */
  public static final String REPORT_PART = "SubProcess_ReportPart";
  public static final String REPORT_PART_APPROVED = "EndEvent_ReportPartApproved";
  public static final String SUBMIT_REPORT = "Task_SubmitReport";
  public static final String REVIEW_EXTENSION = "Task_ReviewExtension";
  public static final String REVIEW_REPORT = "Task_ReviewReport";
  public static final String SIGN_OFF = "Task_SignOff";
  public static final String NEXT_REPORTING_PERIOD = "IntermediateCatchEvent_NextReportingPeriod";
  public static final String SIGNED_OFF = "EndEvent_TaskSignedOff";
  /** Where a 免责 determination ends the task. */
  public static final String EXEMPTED = "EndEvent_TaskExempted";
  /** The message a 免责 determination sends to close the task. */
  public static final String TOLERANCE_EXEMPTED = "ToleranceExempted";
  public static final String LADDER_TIMER = "IntermediateCatchEvent_LadderCheckDue";

  /** The service tasks that remind whoever holds a step once its working-day limit has passed. */
  public static final String REMIND_ACKNOWLEDGEMENT = "ServiceTask_RemindAcknowledgement";
  public static final String REMIND_CONTRIBUTION = "ServiceTask_RemindContribution";
  public static final String REMIND_REVIEW = "ServiceTask_RemindReview";
  public static final String REMIND_EXTENSION_REVIEW = "ServiceTask_RemindExtensionReview";

  /** Forms that code checks beyond their schema (a form's id is its {@code formRef}). */
  public static final String FORM_ACKNOWLEDGE = "acknowledge-assignment";
  public static final String FORM_REASSIGN = "reassign-assignment";
  public static final String FORM_SUBMIT_REPORT = "submit-report";

  public static String businessKey(String planCode, int taskNumber) {
    return planCode + "-" + taskNumber;
  }
}
