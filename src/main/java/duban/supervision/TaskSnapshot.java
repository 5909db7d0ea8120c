package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * What a read model keeps of one task, taken from its process variables: by a listener from the step's scope, or by a
 * rebuild from the engine's history. One reading for both, so the two cannot drift apart.
 */
public record TaskSnapshot(
    String planCode,
    int number,
    String title,
    List<String> leadUnits,
    List<String> supportingUnits,
    String deadlineText,
    boolean longTerm,
    LocalDate deadline,
    LocalDate dueDate,
    boolean awaitingReview,
    boolean reportReturned,
    boolean reportedLate,
    String reportStatus,
    String reportSummary,
    String achievedFigures,
    String reportedAt,
    int reviewRounds,
    List<String> returnedUnits,
    int extensionCount,
    boolean toleranceOpen,
    String toleranceDetermination,
    String outcome,
    String closedAt) {

  public static final String EXEMPTED_OUTCOME = "容错免责（不作负面评价）";

  public static TaskSnapshot of(Function<String, Object> variable) {
    boolean longTerm = Boolean.TRUE.equals(variable.apply(LONG_TERM.name()));
    LocalDate deadline = date(variable.apply(DEADLINE.name()));
    return new TaskSnapshot(
        (String) variable.apply(PLAN_CODE.name()),
        number(variable.apply(TASK_NUMBER.name())),
        (String) variable.apply(TASK_TITLE.name()),
        codes(variable.apply(LEAD_UNITS.name())),
        codes(variable.apply(SUPPORTING_UNITS.name())),
        (String) variable.apply(DEADLINE_TEXT.name()),
        longTerm,
        deadline,
        longTerm ? date(variable.apply(REPORT_DUE_DATE.name())) : deadline,
        Boolean.TRUE.equals(variable.apply(AWAITING_REVIEW.name())),
        Boolean.TRUE.equals(variable.apply(REPORT_RETURNED.name())),
        Boolean.TRUE.equals(variable.apply(REPORTED_LATE.name())),
        (String) variable.apply(REPORT_STATUS.name()),
        (String) variable.apply(REPORT_SUMMARY.name()),
        (String) variable.apply(ACHIEVED_FIGURES.name()),
        (String) variable.apply(SupervisionService.REPORTED_AT),
        number(variable.apply(REVIEW_ROUNDS.name())),
        codes(variable.apply(RETURNED_UNITS.name())),
        number(variable.apply(EXTENSION_COUNT.name())),
        Boolean.TRUE.equals(variable.apply(TOLERANCE_OPEN.name())),
        (String) variable.apply(TOLERANCE_DETERMINATION.name()),
        (String) variable.apply(OUTCOME.name()),
        (String) variable.apply(CLOSED_AT.name()));
  }

  public boolean closed() {
    return closedAt != null;
  }

  public boolean exempted() {
    return EXEMPTED_OUTCOME.equals(outcome);
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static LocalDate date(Object value) {
    return value == null ? null : LocalDate.parse((String) value);
  }

  private static List<String> codes(Object value) {
    return SupervisionLists.codes((String) value);
  }
}
