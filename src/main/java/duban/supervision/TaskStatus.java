package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A task's 红黄绿灯, kept in {@code trafficLight}. Red: overdue with the work still outstanding. Yellow: inside the
 * warning window, or a report returned for rework or submitted late. Green: on schedule, including a report in review
 * that came in on time.
 */
@Component
public class TaskStatus {

  public enum TrafficLight {
    GREEN("绿灯"), YELLOW("黄灯"), RED("红灯");

    private final String label;

    TrafficLight(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final int warningDays;

  TaskStatus(@Value("${duban.reminders.urge-days}") int warningDays) {
    this.warningDays = warningDays;
  }

  public int warningDays() {
    return warningDays;
  }

  /** A deadline is the end of its day. */
  public static LocalDateTime overdueFrom(LocalDate due) {
    return due.plusDays(1).atStartOfDay();
  }

  public static LocalDateTime warningFrom(LocalDate due, int warningDays) {
    return due.minusDays(warningDays).atTime(LocalTime.of(9, 0));
  }

  /** The date the task's current work is due: its deadline, or for 长期 tasks this period's report date. */
  public static LocalDate dueDate(VariableScope scope) {
    return LocalDate.parse(LONG_TERM.isTrue(scope) ? REPORT_DUE_DATE.get(scope) : DEADLINE.get(scope));
  }

  public TrafficLight refresh(VariableScope scope) {
    TrafficLight light = of(dueDate(scope), Today.now(), AWAITING_REVIEW.isTrue(scope), REPORT_RETURNED.isTrue(scope),
        REPORTED_LATE.isTrue(scope));
    TRAFFIC_LIGHT.set(scope, light.name());
    return light;
  }

  /** The one rule for the light: the {@code trafficLight} variable, the task list and the overview all apply it. */
  public TrafficLight of(LocalDate due, LocalDateTime now, boolean awaitingReview, boolean reportReturned,
      boolean reportedLate) {
    if (!awaitingReview && !now.isBefore(overdueFrom(due))) {
      return TrafficLight.RED;
    }
    if (reportReturned || reportedLate || (!awaitingReview && !now.isBefore(warningFrom(due, warningDays)))) {
      return TrafficLight.YELLOW;
    }
    return TrafficLight.GREEN;
  }

  static boolean isLate(VariableScope scope) {
    return !Today.now().isBefore(overdueFrom(dueDate(scope)));
  }
}
