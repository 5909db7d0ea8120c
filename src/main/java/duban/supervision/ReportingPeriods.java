package duban.supervision;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Cuts the calendar into reporting periods for 长期 tasks; cycle and due day are configuration. */
@Component
class ReportingPeriods {

  @ConfigurationProperties("duban.reporting")
  record Settings(ReportingCycle cycle, int dueDay) {
    Settings {
      if (cycle == null) {
        throw new IllegalArgumentException("duban.reporting.cycle 须为 MONTHLY、QUARTERLY 或 HALF_YEARLY");
      }
      if (dueDay < 1 || dueDay > 28) {
        throw new IllegalArgumentException("duban.reporting.due-day 须在 1 到 28 之间，实为 " + dueDay);
      }
    }
  }

  private final Settings settings;

  ReportingPeriods(Settings settings) {
    this.settings = settings;
  }

  ReportingPeriod containing(LocalDate day) {
    int months = settings.cycle().months;
    int startMonth = ((day.getMonthValue() - 1) / months) * months + 1;
    LocalDate start = LocalDate.of(day.getYear(), startMonth, 1);
    return period(start);
  }

  ReportingPeriod after(ReportingPeriod period) {
    return period(period.end().plusDays(1));
  }

  private ReportingPeriod period(LocalDate start) {
    LocalDate end = start.plusMonths(settings.cycle().months).minusDays(1);
    LocalDate due = end.plusDays(1).withDayOfMonth(settings.dueDay());
    return new ReportingPeriod(label(start), start, end, due);
  }

  private String label(LocalDate start) {
    int year = start.getYear();
    return switch (settings.cycle()) {
      case MONTHLY -> year + "年" + start.getMonthValue() + "月";
      case QUARTERLY -> year + "年第" + ((start.getMonthValue() - 1) / 3 + 1) + "季度";
      case HALF_YEARLY -> year + (start.getMonthValue() == 1 ? "年上半年" : "年下半年");
    };
  }
}
