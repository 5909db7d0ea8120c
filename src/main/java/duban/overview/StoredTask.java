package duban.overview;

import duban.supervision.TaskStage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A row of the read model as stored: what the process last told it, nothing that depends on today's date. */
public record StoredTask(
    String planCode,
    int number,
    String member,
    String processInstanceId,
    String title,
    List<String> leadUnits,
    List<String> supportingUnits,
    String deadlineText,
    boolean longTerm,
    LocalDate deadline,
    LocalDate dueDate,
    TaskStage workStage,
    boolean awaitingReview,
    boolean reportReturned,
    boolean reportedLate,
    String reportStatus,
    String reportSummary,
    String achievedFigures,
    LocalDateTime reportedAt,
    int reviewRounds,
    List<String> returnedUnits,
    int extensionCount,
    boolean toleranceOpen,
    String toleranceDetermination,
    String outcome,
    LocalDateTime closedAt,
    int remindersSent) {

  /** The task as a whole; member units of a collective lead get rows of their own. */
  public static final String WHOLE_TASK = "";

  public boolean closed() {
    return closedAt != null;
  }

  public boolean involves(String unit) {
    return leadUnits.contains(unit) || supportingUnits.contains(unit);
  }
}
