package duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import duban.supervision.TaskStatus.TrafficLight;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** 红黄绿灯 as a plain rule: 7 warning days from 09:00, yellow past 10 points behind pace, red past 30 (application.yaml). */
class TaskStatusTest {

  private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
  // the light's rule reads neither the targets' store nor the clock: targets and time are arguments
  private final TaskStatus status = new TaskStatus(7, LocalTime.of(9, 0), new BehindSchedule(10, 30), null);

  private TrafficLight at(String moment) {
    return status.of(DUE, LocalDateTime.parse(moment), false, false, false);
  }

  @Test
  void isGreenWhileMoreThanTheWarningDaysRemain() {
    assertThat(at("2026-11-26T10:00")).isEqualTo(TrafficLight.GREEN);
    assertThat(at("2026-12-24T08:59")).isEqualTo(TrafficLight.GREEN);
  }

  @Test
  void turnsYellowWhenFewerThanUrgeDaysRemain() {
    assertThat(at("2026-12-24T09:00")).isEqualTo(TrafficLight.YELLOW);
    assertThat(at("2026-12-31T23:59")).isEqualTo(TrafficLight.YELLOW);
  }

  @Test
  void turnsRedWhenTheDeadlineDayIsOverAndTheWorkOutstanding() {
    assertThat(at("2027-01-01T00:00")).isEqualTo(TrafficLight.RED);
    assertThat(TaskStatus.overdueFrom(DUE)).isEqualTo("2027-01-01T00:00");
  }

  @Test
  void aReportInReviewThatCameOnTimeKeepsTheTaskGreenPastItsDeadline() {
    LocalDateTime late = LocalDateTime.parse("2027-01-15T09:30");
    assertThat(status.of(DUE, late, true, false, false)).isEqualTo(TrafficLight.GREEN);
    assertThat(status.of(DUE, late, true, false, true)).as("submitted late").isEqualTo(TrafficLight.YELLOW);
  }

  @Test
  void aReturnedReportIsYellowEvenFarFromTheDeadline() {
    assertThat(status.of(DUE, LocalDateTime.parse("2026-11-26T10:00"), false, true, false))
        .isEqualTo(TrafficLight.YELLOW);
  }

  @Test
  void aTaskWithoutDeadlineIsJudgedOnlyByItsReportsAndTargets() {
    LocalDateTime now = LocalDateTime.parse("2030-06-01T10:00");
    assertThat(status.of(null, now, false, false, false)).isEqualTo(TrafficLight.GREEN);
    assertThat(status.of(null, now, false, false, false, 31.0)).isEqualTo(TrafficLight.RED);
  }

  @Test
  void targetsBehindPaceTurnGreenYellowAndPastTheSecondThresholdRed() {
    LocalDateTime early = LocalDateTime.parse("2026-11-26T10:00");
    assertThat(status.of(DUE, early, false, false, false, 10.0)).as("at the threshold").isEqualTo(TrafficLight.GREEN);
    assertThat(status.of(DUE, early, false, false, false, 10.5)).isEqualTo(TrafficLight.YELLOW);
    assertThat(status.of(DUE, early, false, false, false, 30.0)).isEqualTo(TrafficLight.YELLOW);
    assertThat(status.of(DUE, early, false, false, false, 30.5)).isEqualTo(TrafficLight.RED);
    assertThat(status.of(DUE, early, true, false, false, 30.5)).as("even in review").isEqualTo(TrafficLight.RED);
  }

  @Test
  void theLightsCarryTheirChineseNames() {
    assertThat(TrafficLight.GREEN.label()).isEqualTo("绿灯");
    assertThat(TrafficLight.YELLOW.label()).isEqualTo("黄灯");
    assertThat(TrafficLight.RED.label()).isEqualTo("红灯");
  }
}
