package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import duban.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A task's 红黄绿灯, kept in {@code trafficLight}. Red: overdue with the work still outstanding. Yellow: inside the
 * warning window, or a report returned for rework or submitted late. Green: on schedule, including a report in review
 * that came in on time. A target whose progress lags its linear pace by more than the configured points
 * ({@link BehindSchedule}) turns a green light yellow, and past the second threshold any light red.
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
  private final LocalTime morning;
  private final BehindSchedule behind;
  private final TaskTargets targets;

  /** {@code duban.reminders.urge-days}: the days before a deadline from which the light is yellow. */
  @ConfigurationProperties("duban.reminders")
  record Settings(int urgeDays) {}

  @Autowired
  TaskStatus(Settings settings, WorkingCalendar calendar, BehindSchedule behind, TaskTargets targets) {
    this(settings.urgeDays(), calendar.officeHours().start(), behind, targets);
  }

  /** @param morning the start of office hours, when a warning begins */
  TaskStatus(int warningDays, LocalTime morning, BehindSchedule behind, TaskTargets targets) {
    this.warningDays = warningDays;
    this.morning = morning;
    this.behind = behind;
    this.targets = targets;
  }

  /** The start of office hours. */
  LocalTime officeOpens() {
    return morning;
  }

  public int warningDays() {
    return warningDays;
  }

  /** A deadline is the end of its day. */
  public static LocalDateTime overdueFrom(LocalDate due) {
    return due.plusDays(1).atStartOfDay();
  }

  /** The warning begins at the start of office hours, {@code warningDays} before the due date. */
  public static LocalDateTime warningFrom(LocalDate due, int warningDays, LocalTime morning) {
    return due.minusDays(warningDays).atTime(morning);
  }

  /** The date the task's current work is due: its deadline, or for 长期 tasks this period's report date. */
  public static LocalDate dueDate(VariableScope scope) {
    return LocalDate.parse(LONG_TERM.isTrue(scope) ? REPORT_DUE_DATE.get(scope) : DEADLINE.get(scope));
  }

  public TrafficLight refresh(VariableScope scope) {
    LocalDateTime now = Today.now();
    Double lag = worstLag(targets.progress(PLAN_CODE.get(scope), TASK_NUMBER.get(scope), now.toLocalDate()),
        now.toLocalDate());
    TrafficLight light = of(dueDate(scope), now, AWAITING_REVIEW.isTrue(scope), REPORT_RETURNED.isTrue(scope),
        REPORTED_LATE.isTrue(scope), lag);
    TRAFFIC_LIGHT.set(scope, light.name());
    return light;
  }

  /** The one rule for the light: the {@code trafficLight} variable, the task list and the overview all apply it. */
  public TrafficLight of(LocalDate due, LocalDateTime now, boolean awaitingReview, boolean reportReturned,
      boolean reportedLate) {
    return of(due, now, awaitingReview, reportReturned, reportedLate, null);
  }

  /** @param lagPoints the most any target lags its pace ({@link #worstLag}), null if none is judged */
  public TrafficLight of(LocalDate due, LocalDateTime now, boolean awaitingReview, boolean reportReturned,
      boolean reportedLate, Double lagPoints) {
    boolean farBehind = lagPoints != null && lagPoints > behind.redPoints();
    boolean behindPace = lagPoints != null && lagPoints > behind.yellowPoints();
    if (farBehind || (due != null && !awaitingReview && !now.isBefore(overdueFrom(due)))) {
      return TrafficLight.RED;
    }
    if (behindPace || reportReturned || reportedLate
        || (due != null && !awaitingReview && !now.isBefore(warningFrom(due, warningDays, morning)))) {
      return TrafficLight.YELLOW;
    }
    return TrafficLight.GREEN;
  }

  /** The most points any of a task's targets lags its pace on {@code today}; null if none is judged. */
  public static Double worstLag(List<TargetProgress> progress, LocalDate today) {
    Double worst = null;
    for (TargetProgress p : progress) {
      Double lag = p.lagPoints(today);
      if (lag != null && (worst == null || lag > worst)) {
        worst = lag;
      }
    }
    return worst;
  }

  static boolean isLate(VariableScope scope) {
    return !Today.now().isBefore(overdueFrom(dueDate(scope)));
  }
}
