package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import duban.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When each kind of step is due: step limits in working days for 签收, 协办 and 审核 (the reminders fire after
 * them), the deadline or the period's report date for the report.
 */
@Component
public class DueDates {

  @ConfigurationProperties("duban.limits")
  record Limits(int acknowledgeDays, int contributionDays, int reviewDays) {}

  /** The steps with a working-day limit. */
  public enum Step { ACKNOWLEDGE, CONTRIBUTION, REVIEW }

  private final Limits limits;
  private final WorkingCalendar calendar;

  DueDates(Limits limits, WorkingCalendar calendar) {
    this.limits = limits;
    this.calendar = calendar;
  }

  public int limit(Step step) {
    return switch (step) {
      case ACKNOWLEDGE -> limits.acknowledgeDays();
      case CONTRIBUTION -> limits.contributionDays();
      case REVIEW -> limits.reviewDays();
    };
  }

  /** The last working day of a step that starts today. */
  public LocalDate limitDay(Step step) {
    return calendar.plusWorkingDays(Today.date(), limit(step));
  }

  LocalDate dueDate(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      case SupervisionProcess.SUBMIT_REPORT -> TaskStatus.dueDate(task);
      case SupervisionProcess.SUBMIT_CONTRIBUTION -> min(limitDay(Step.CONTRIBUTION), TaskStatus.dueDate(task));
      case SupervisionProcess.ACKNOWLEDGE, SupervisionProcess.DESIGNATE_UNITS, SupervisionProcess.REASSIGN ->
          limitDay(Step.ACKNOWLEDGE);
      default -> limitDay(Step.REVIEW);
    };
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /** The end of office hours on {@code day}. */
  Date closeOfBusiness(LocalDate day) {
    return calendar.closeOfBusiness(day);
  }
}
