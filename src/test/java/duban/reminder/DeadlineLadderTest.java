package duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import duban.reminder.DeadlineLadder.Rung;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ladder 临近提醒 → 催办 → 逾期督办 on its own: 30 days, 7 days and a weekly repeat from 09:00, as application.yaml sets it. */
class DeadlineLadderTest {

  private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
  private final DeadlineLadder ladder = new DeadlineLadder(30, 7, Duration.ofDays(7), LocalTime.of(9, 0));

  private Optional<NoticeKind> kindAt(String moment) {
    return ladder.reached(DUE, LocalDateTime.parse(moment)).map(Rung::kind);
  }

  @Test
  void staysSilentUntilNineOnTheMorningThirtyDaysBeforeTheDeadline() {
    assertThat(kindAt("2026-11-26T10:00")).isEmpty();
    assertThat(kindAt("2026-12-01T08:59")).isEmpty();
    assertThat(kindAt("2026-12-01T09:00")).contains(NoticeKind.APPROACHING);
  }

  @Test
  void urgesFromNineOnTheMorningWhenFewerThanUrgeDaysRemain() {
    assertThat(kindAt("2026-12-24T08:59")).contains(NoticeKind.APPROACHING);
    assertThat(kindAt("2026-12-24T09:00")).contains(NoticeKind.URGE);
  }

  @Test
  void aDeadlineIsTheEndOfItsDayThenTheFirstOverdueNoticeIsDue() {
    assertThat(kindAt("2026-12-31T23:59")).contains(NoticeKind.URGE);
    Rung first = ladder.reached(DUE, LocalDateTime.parse("2027-01-01T00:00")).orElseThrow();
    assertThat(first.kind()).isEqualTo(NoticeKind.OVERDUE);
    assertThat(first.week()).isZero();
  }

  @Test
  void onlyTheHighestRungCountsSoALongOverdueTaskGetsThisWeeksNoticeOnly() {
    Rung twoYearsLate = ladder.reached(DUE, LocalDateTime.parse("2028-12-31T10:00")).orElseThrow();
    assertThat(twoYearsLate.kind()).isEqualTo(NoticeKind.OVERDUE);
    assertThat(twoYearsLate.week()).isEqualTo(104); // 730 days and 10 hours after 2027-01-01 00:00
    // one notice per rung and week: the key tells the repeats apart, and nothing else
    Rung weekBefore = ladder.reached(DUE, LocalDateTime.parse("2028-12-24T10:00")).orElseThrow();
    assertThat(twoYearsLate.key("JNSC2022-6")).isEqualTo("JNSC2022-6|OVERDUE|2026-12-31|104")
        .isNotEqualTo(weekBefore.key("JNSC2022-6"));
    assertThat(ladder.reached(DUE, LocalDateTime.parse("2026-12-25T10:00")).orElseThrow().key("JNSC2022-6"))
        .isEqualTo("JNSC2022-6|URGE|2026-12-31");
  }

  @Test
  void nextIsTheNextRungThenEveryWeekAfterTheDeadline() {
    assertThat(ladder.next(DUE, LocalDateTime.parse("2026-11-26T10:00"))).isEqualTo("2026-12-01T09:00");
    assertThat(ladder.next(DUE, LocalDateTime.parse("2026-12-01T09:00"))).isEqualTo("2026-12-24T09:00");
    assertThat(ladder.next(DUE, LocalDateTime.parse("2026-12-24T09:00"))).isEqualTo("2027-01-01T00:00");
    assertThat(ladder.next(DUE, LocalDateTime.parse("2027-01-01T00:00"))).isEqualTo("2027-01-08T00:00");
    assertThat(ladder.next(DUE, LocalDateTime.parse("2027-01-15T09:30"))).isEqualTo("2027-01-22T00:00");
  }
}
