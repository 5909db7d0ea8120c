package duban.tolerance;

import duban.calendar.WorkingCalendar;
import duban.supervision.Today;
import duban.tolerance.ToleranceProcess.Step;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Working-day limits of each 容错 step (not found in the regulations we could read, so configuration), and the
 * appeal period. The BPMN's timers read them as {@code toleranceLimits}.
 */
@Component("toleranceLimits")
public class ToleranceLimits {

  @ConfigurationProperties("duban.tolerance")
  record Settings(int openDays, int verifyDays, int determineDays, int appealDays, int redetermineDays) {}

  private final Settings settings;
  private final WorkingCalendar calendar;

  ToleranceLimits(Settings settings, WorkingCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
  }

  int days(Step step) {
    return switch (step) {
      case OPEN -> settings.openDays();
      case VERIFY -> settings.verifyDays();
      case DETERMINE -> settings.determineDays();
      case APPEAL -> settings.appealDays();
      case REDETERMINE -> settings.redetermineDays();
    };
  }

  /** The last working day of a step that starts today. */
  LocalDate limitDay(Step step) {
    return calendar.plusWorkingDays(Today.date(), days(step));
  }

  /** The first office hour after the step's last working day; the BPMN's timers name the step ('OPEN'). */
  public Date reminderAt(String step) {
    LocalDate dayAfter = limitDay(Step.named(step)).plusDays(1);
    return Date.from(calendar.nextDeliveryTime(dayAfter.atStartOfDay(Today.ZONE)).toInstant());
  }

  /** An appeal may be lodged until the end of the period's last working day. */
  public Date appealEnds() {
    return Date.from(limitDay(Step.APPEAL).plusDays(1).atStartOfDay(Today.ZONE).toInstant());
  }

  /** The end of office hours on {@code day}. */
  Date closeOfBusiness(LocalDate day) {
    return calendar.closeOfBusiness(day);
  }
}
