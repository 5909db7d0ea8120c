package duban.evaluation;

import duban.evaluation.UnitFacts.Role;
import java.util.ArrayList;
import java.util.List;

/** 结果考评's rules: a score from 0 to 100 out of a unit's facts, part by part. Pure; the weights are settings. */
final class Scoring {

  /** One part of a score, with what it was computed from, in words. */
  record Part(String key, String label, double points, double max, String basis) {}

  record Score(double score, List<Part> parts) {}

  private final EvaluationSettings settings;

  Scoring(EvaluationSettings settings) {
    this.settings = settings;
  }

  Score of(UnitFacts facts) {
    List<Part> parts = facts.role() == Role.LEAD ? lead(facts, settings.lead()) : supporting(facts, settings.supporting());
    double sum = parts.stream().mapToDouble(Part::points).sum();
    return new Score(round(Math.max(0, Math.min(100, sum))), parts);
  }

  private static List<Part> lead(UnitFacts f, EvaluationSettings.Lead w) {
    List<Part> parts = new ArrayList<>();
    double rate = f.tasksDue() == 0 ? 1.0 : (double) f.doneOnTime() / f.tasksDue();
    parts.add(new Part("onTimeCompletion", "按时办结率", round(w.onTimeCompletion() * rate), w.onTimeCompletion(),
        f.tasksDue() == 0 ? "尚无到期任务" : "到期任务 " + f.tasksDue() + " 项，按时办结 " + f.doneOnTime() + " 项"));
    double overdueLoss = w.overduePerTask() * f.overdueTasks() + w.overduePerDay() * f.overdueDays();
    parts.add(new Part("overdue", "逾期情况", round(Math.max(0, w.overdue() - overdueLoss)), w.overdue(),
        f.overdueTasks() == 0 ? "无逾期" : "逾期 " + f.overdueTasks() + " 项，累计 " + f.overdueDays() + " 天"));
    parts.add(new Part("returns", "报送质量", round(Math.max(0, w.returns() - w.perReturn() * f.returns())),
        w.returns(), f.returns() == 0 ? "无退回" : "报送材料被退回 " + f.returns() + " 次"));
    parts.add(ratioPart("timelyAcknowledgement", "签收及时性", w.timelyAcknowledgement(), f.acknowledgements(), "签收"));
    parts.add(ratioPart("timelyReports", "报送及时性", w.timelyReports(), f.steps(), "报送"));
    return parts;
  }

  private static List<Part> supporting(UnitFacts f, EvaluationSettings.Supporting w) {
    List<Part> parts = new ArrayList<>();
    parts.add(ratioPart("timelyContributions", "配合及时性", w.timelyContributions(), f.steps(), "配合报送"));
    parts.add(new Part("overdue", "逾期情况",
        round(Math.max(0, w.overdue() - w.overduePerContribution() * f.overdueTasks())), w.overdue(),
        f.overdueTasks() == 0 ? "无逾期未报" : "超过时限未报配合情况 " + f.overdueTasks() + " 项"));
    return parts;
  }

  private static Part ratioPart(String key, String label, double max, UnitFacts.Ratio ratio, String step) {
    String basis = ratio.due() == 0 ? "尚无应" + step + "事项" : "应" + step + " " + ratio.due() + " 次，按时 " + ratio.inTime() + " 次";
    return new Part(key, label, round(max * ratio.share()), max, basis);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
