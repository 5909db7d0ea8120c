package duban.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * 结果考评 of a plan, for a period or the whole plan: lead units and supporting units ranked apart, each on its own
 * role's parts.
 *
 * @param period the period's code, or null for the whole plan
 */
public record Evaluation(String plan, String period, String periodLabel, LocalDate asOf, List<UnitScore> units,
    List<UnitScore> supportingUnits) {

  /**
   * @param rank 1 for the best score among the units of its role (ties share a rank)
   * @param exempted tasks closed as 容错免责, left out of the score
   * @param notes 容错 outcomes recorded beside the score (从轻/减轻处理)
   */
  public record UnitScore(String code, String name, String role, int rank, double score, List<Part> parts,
      int tasks, int returns, int exempted, List<String> notes) {}

  public record Part(String key, String label, double points, double max, String basis) {}
}
