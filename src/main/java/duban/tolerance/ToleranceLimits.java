package duban.tolerance;

import duban.calendar.WorkingCalendar;
import duban.supervision.Today;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
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

  /** Step → its name in Chinese, for task names and reminders. */
  static final Map<String, String> STEPS = Map.of(
      "OPEN", "调查启动", "VERIFY", "调查核实", "DETERMINE", "组织认定", "APPEAL", "申诉", "REDETERMINE", "复核认定");

  private final Settings settings;
  private final WorkingCalendar calendar;

  ToleranceLimits(Settings settings, WorkingCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
  }

  int days(String step) {
    return switch (step) {
      case "OPEN" -> settings.openDays();
      case "VERIFY" -> settings.verifyDays();
      case "DETERMINE" -> settings.determineDays();
      case "APPEAL" -> settings.appealDays();
      case "REDETERMINE" -> settings.redetermineDays();
      default -> throw new IllegalArgumentException("未知的容错步骤：" + step);
    };
  }

  /** The last working day of a step that starts today. */
  LocalDate limitDay(String step) {
    return calendar.plusWorkingDays(Today.date(), days(step));
  }

  /** The first office hour after the step's last working day. */
  public Date reminderAt(String step) {
    return Date.from(calendar.nextDeliveryTime(limitDay(step).plusDays(1).atStartOfDay(Today.ZONE)).toInstant());
  }

  /** An appeal may be lodged until the end of the period's last working day. */
  public Date appealEnds() {
    return Date.from(limitDay("APPEAL").plusDays(1).atStartOfDay(Today.ZONE).toInstant());
  }

  /** The end of office hours on {@code day}. */
  Date closeOfBusiness(LocalDate day) {
    return calendar.closeOfBusiness(day);
  }
}
