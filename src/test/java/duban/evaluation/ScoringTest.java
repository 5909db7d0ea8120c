package duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import duban.evaluation.UnitFacts.Ratio;
import duban.evaluation.UnitFacts.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 结果考评's rules on their own, with the default weights of application.yaml. */
class ScoringTest {

  static final EvaluationSettings DEFAULTS = new EvaluationSettings(
      new EvaluationSettings.Lead(40, 20, 4, 0.2, 15, 5, 10, 15),
      new EvaluationSettings.Supporting(70, 30, 10));
  private final Scoring scoring = new Scoring(DEFAULTS);

  private static UnitFacts lead(int due, int onTime, int overdue, int days, int returns, Ratio acks, Ratio reports) {
    return new UnitFacts("kx", Role.LEAD, due, due, onTime, overdue, days, returns, acks, reports, 0, List.of());
  }

  @Test
  void aUnitThatDidEverythingInTimeGetsFullMarks() {
    Scoring.Score score = scoring.of(lead(2, 2, 0, 0, 0, new Ratio(2, 2), new Ratio(2, 2)));
    assertThat(score.score()).isEqualTo(100.0);
    assertThat(score.parts()).extracting(Scoring.Part::key)
        .containsExactly("onTimeCompletion", "overdue", "returns", "timelyAcknowledgement", "timelyReports");
    assertThat(score.parts()).allSatisfy(p -> assertThat(p.points()).isEqualTo(p.max()));
  }

  @Test
  void lateWorkCostsCompletionOverdueAndTimelinessPoints() {
    // two tasks due: one done on time, one 10 days overdue; its 签收 was late, its report not yet in
    Scoring.Score score = scoring.of(lead(2, 1, 1, 10, 0, new Ratio(1, 2), new Ratio(1, 2)));
    assertThat(part(score, "onTimeCompletion").points()).isEqualTo(20.0);
    assertThat(part(score, "overdue").points()).isEqualTo(14.0); // 20 - 4 - 10 × 0.2
    assertThat(part(score, "overdue").basis()).isEqualTo("逾期 1 项，累计 10 天");
    assertThat(part(score, "timelyAcknowledgement").points()).isEqualTo(5.0);
    assertThat(part(score, "timelyReports").points()).isEqualTo(7.5);
    assertThat(score.score()).isEqualTo(20 + 14 + 15 + 5 + 7.5);
  }

  @Test
  void everyReturnedReportCostsFivePointsOfReportQuality() {
    assertThat(part(scoring.of(lead(1, 1, 0, 0, 2, new Ratio(1, 1), new Ratio(3, 3))), "returns").points())
        .isEqualTo(5.0);
    assertThat(part(scoring.of(lead(1, 1, 0, 0, 9, new Ratio(1, 1), new Ratio(1, 1))), "returns").points())
        .as("never below zero").isZero();
  }

  @Test
  void aUnitWithNothingDueYetLosesNothing() {
    assertThat(scoring.of(lead(0, 0, 0, 0, 0, Ratio.NONE, Ratio.NONE)).score()).isEqualTo(100.0);
  }

  @Test
  void aSupportingUnitIsScoredOnItsOwnParts() {
    UnitFacts late = new UnitFacts("rhjn", Role.SUPPORTING, 2, 2, 0, 1, 0, 0, Ratio.NONE, new Ratio(1, 2), 0,
        List.of());
    Scoring.Score score = scoring.of(late);
    assertThat(score.parts()).extracting(Scoring.Part::key).containsExactly("timelyContributions", "overdue");
    assertThat(score.score()).isEqualTo(35 + 20);
  }

  @Test
  void scoresStayBetweenZeroAndOneHundred() {
    Scoring.Score worst = scoring.of(lead(5, 0, 5, 400, 10, new Ratio(0, 5), new Ratio(0, 5)));
    assertThat(worst.score()).isZero();
  }

  private static Scoring.Part part(Scoring.Score score, String key) {
    return score.parts().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
  }
}
