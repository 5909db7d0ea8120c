package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** When each kind of step is due: step limits for 签收, 协办 and 审核; the deadline for the report. */
@Component
class DueDates {

  @ConfigurationProperties("duban.limits")
  record Limits(int acknowledgeDays, int contributionDays, int reviewDays) {}

  private final Limits limits;

  DueDates(Limits limits) {
    this.limits = limits;
  }

  LocalDate dueDate(DelegateTask task) {
    LocalDate today = Today.date();
    return switch (task.getTaskDefinitionKey()) {
      case SupervisionProcess.SUBMIT_REPORT -> reportDue(task);
      case SupervisionProcess.SUBMIT_CONTRIBUTION -> min(today.plusDays(limits.contributionDays()), reportDue(task));
      case SupervisionProcess.ACKNOWLEDGE, SupervisionProcess.DESIGNATE_UNITS, SupervisionProcess.REASSIGN ->
          today.plusDays(limits.acknowledgeDays());
      default -> today.plusDays(limits.reviewDays());
    };
  }

  private static LocalDate reportDue(DelegateTask task) {
    String due = LONG_TERM.isTrue(task) ? REPORT_DUE_DATE.get(task) : DEADLINE.get(task);
    return LocalDate.parse(due);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
