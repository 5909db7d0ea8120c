package duban.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A task's quantitative targets and the values reported against them. {@code duban.target} keeps them; the
 * supervision process, the light and the task list read them through this.
 */
public interface TaskTargets {

  /**
   * The targets a task's supervision starts with, recorded as of {@code since}: the office's corrected list where
   * there is one, else {@code corrected} if given (a correction sent with the import), else the measure's own.
   */
  List<Target> settle(String planCode, Assignment task, List<Target> corrected, LocalDate since, String by);

  /** The task's targets: as settled or corrected for an imported task, else as its measure states them. */
  List<Target> of(String planCode, int taskNumber, String measure);

  /**
   * Corrections sent with an import or a preview: {@code {"3": [{text, value, unit, comparator, perYear, dueBy}]}}
   * by task number, each list replacing that task's extracted targets.
   *
   * @throws IllegalArgumentException in Chinese, naming the task and the target, for bad input
   */
  Map<Integer, List<Target>> parseCorrections(String json);

  /** Keeps one report's values, one per target in slot order, for the period they are reported for. */
  void reported(String planCode, int taskNumber, String processInstanceId, String period, int periodYear,
      List<BigDecimal> values, String by);

  /** Each target of the task with its progress as of {@code today}. */
  List<TargetProgress> progress(String planCode, int taskNumber, LocalDate today);

  /** The progress of every task of a plan that has targets, by task number. */
  Map<Integer, List<TargetProgress>> progress(String planCode, LocalDate today);
}
