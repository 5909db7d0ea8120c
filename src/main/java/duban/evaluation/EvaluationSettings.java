package duban.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The weights of 结果考评 (README, 情况通报 and 结果考评). A lead unit's parts add up to 100 points, a supporting
 * unit's too; each part gives its full points when nothing counts against it.
 */
@ConfigurationProperties("duban.evaluation")
public record EvaluationSettings(Lead lead, Supporting supporting) {

  /**
   * @param onTimeCompletion points × (tasks done on time ÷ tasks whose time has come)
   * @param overdue points, less {@code overduePerTask} per overdue task and {@code overduePerDay} per day overdue
   * @param returns points, less {@code perReturn} per report the office returned
   * @param timelyAcknowledgement points × (签收 in time ÷ 签收 due)
   * @param timelyReports points × (reports and 承办 parts in time ÷ due)
   */
  public record Lead(double onTimeCompletion, double overdue, double overduePerTask, double overduePerDay,
      double returns, double perReturn, double timelyAcknowledgement, double timelyReports) {}

  /**
   * @param timelyContributions points × (配合 parts in time ÷ due)
   * @param overdue points, less {@code overduePerContribution} per part still outstanding past its limit
   */
  public record Supporting(double timelyContributions, double overdue, double overduePerContribution) {}
}
