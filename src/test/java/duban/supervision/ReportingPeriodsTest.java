package duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The reporting periods of 长期 tasks, without Spring: cycle and due day as application.yaml sets them. */
class ReportingPeriodsTest {

  private static ReportingPeriods periods(ReportingCycle cycle, int dueDay) {
    return new ReportingPeriods(new ReportingPeriods.Settings(cycle, dueDay));
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  @Test
  void aQuarterIsReportedOnTheDueDayOfTheMonthAfterIt() {
    ReportingPeriod q4 = periods(ReportingCycle.QUARTERLY, 10).containing(d("2026-11-26"));
    assertThat(q4).isEqualTo(new ReportingPeriod("2026年第4季度", d("2026-10-01"), d("2026-12-31"), d("2027-01-10")));
  }

  @Test
  void theNextPeriodCrossesIntoTheNextYear() {
    ReportingPeriods quarterly = periods(ReportingCycle.QUARTERLY, 10);
    ReportingPeriod q1 = quarterly.after(quarterly.containing(d("2026-12-31")));
    assertThat(q1).isEqualTo(new ReportingPeriod("2027年第1季度", d("2027-01-01"), d("2027-03-31"), d("2027-04-10")));
  }

  @Test
  void monthlyPeriodsEndOnTheMonthsLastDayLeapYearsIncluded() {
    assertThat(periods(ReportingCycle.MONTHLY, 5).containing(d("2028-02-10")))
        .isEqualTo(new ReportingPeriod("2028年2月", d("2028-02-01"), d("2028-02-29"), d("2028-03-05")));
  }

  @Test
  void halfYearsAreNamedUpperAndLower() {
    ReportingPeriods halfYearly = periods(ReportingCycle.HALF_YEARLY, 15);
    assertThat(halfYearly.containing(d("2026-06-30")).label()).isEqualTo("2026年上半年");
    assertThat(halfYearly.containing(d("2026-07-01")))
        .isEqualTo(new ReportingPeriod("2026年下半年", d("2026-07-01"), d("2026-12-31"), d("2027-01-15")));
  }

  @Test
  void aMissingCycleOrADueDayPastThe28thIsRefusedInChinese() {
    // the default (QUARTERLY) lives in application.yaml only; a configuration without a cycle is an error
    assertThatThrownBy(() -> new ReportingPeriods.Settings(null, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duban.reporting.cycle 须为");
    assertThatThrownBy(() -> new ReportingPeriods.Settings(ReportingCycle.MONTHLY, 29))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duban.reporting.due-day 须在 1 到 28 之间");
    assertThatThrownBy(() -> new ReportingPeriods.Settings(ReportingCycle.MONTHLY, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
