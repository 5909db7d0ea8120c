package duban.reminder;

import duban.supervision.TaskStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Where a task stands on the ladder 临近提醒 → 催办 → 逾期督办 (repeated), given its due date. Only the highest rung
 * reached counts: a task found five days before its deadline is urged, not also told the deadline is near; a task
 * two years overdue gets this week's 督办, not a hundred weeks of them.
 */
final class DeadlineLadder {

  /** A rung reached; for OVERDUE, {@code week} counts the repeats since the deadline (0 = the first 督办). */
  record Rung(NoticeKind kind, LocalDate due, long week) {

    String key(String businessKey) {
      return businessKey + "|" + kind + "|" + due + (kind == NoticeKind.OVERDUE ? "|" + week : "");
    }
  }

  private final int approachingDays;
  private final int urgeDays;
  private final Duration repeat;

  private final LocalTime morning;

  /** @param morning the start of office hours, when the 临近 and 催办 rungs are reached */
  DeadlineLadder(int approachingDays, int urgeDays, Duration repeat, LocalTime morning) {
    this.morning = morning;
    this.approachingDays = approachingDays;
    this.urgeDays = urgeDays;
    this.repeat = repeat;
  }

  private static LocalDateTime overdueFrom(LocalDate due) {
    return TaskStatus.overdueFrom(due);
  }

  private LocalDateTime warningFrom(LocalDate due) {
    return TaskStatus.warningFrom(due, urgeDays, morning);
  }

  Optional<Rung> reached(LocalDate due, LocalDateTime now) {
    LocalDateTime overdue = overdueFrom(due);
    if (!now.isBefore(overdue)) {
      long week = Duration.between(overdue, now).toMillis() / repeat.toMillis();
      return Optional.of(new Rung(NoticeKind.OVERDUE, due, week));
    }
    if (!now.isBefore(warningFrom(due))) {
      return Optional.of(new Rung(NoticeKind.URGE, due, 0));
    }
    if (!now.isBefore(due.minusDays(approachingDays).atTime(morning))) {
      return Optional.of(new Rung(NoticeKind.APPROACHING, due, 0));
    }
    return Optional.empty();
  }

  /** The next moment the ladder changes: the next rung, or the next weekly repeat. */
  LocalDateTime next(LocalDate due, LocalDateTime now) {
    LocalDateTime approaching = due.minusDays(approachingDays).atTime(morning);
    if (now.isBefore(approaching)) {
      return approaching;
    }
    if (now.isBefore(warningFrom(due))) {
      return warningFrom(due);
    }
    LocalDateTime overdue = overdueFrom(due);
    if (now.isBefore(overdue)) {
      return overdue;
    }
    long week = Duration.between(overdue, now).toMillis() / repeat.toMillis();
    return overdue.plus(repeat.multipliedBy(week + 1));
  }
}
