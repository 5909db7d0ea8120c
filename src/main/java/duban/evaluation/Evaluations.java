package duban.evaluation;

import duban.evaluation.UnitFacts.Role;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/** 结果考评 of a plan: the facts, scored and ranked per role. */
@Service
public class Evaluations {

  private final EvaluationFacts facts;
  private final Scoring scoring;
  private final UnitDirectory directory;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  Evaluations(EvaluationFacts facts, EvaluationSettings settings, UnitDirectory directory,
      org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.facts = facts;
    this.scoring = new Scoring(settings);
    this.directory = directory;
  }

  /**
   * A period a caller named, refused if it has not begun or ended before the plan came into duban (nothing of it is
   * recorded); null for the whole plan.
   */
  public Period period(String planCode, String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    LocalDate imported = jdbc.queryForObject("select imported_at from duban_plan where code = ?",
        java.sql.Timestamp.class, planCode).toLocalDateTime().toLocalDate();
    return Period.parse(code).checkedAgainst(duban.supervision.Today.date(), imported);
  }

  /**
   * @param period null for the whole plan up to today
   * @param visible which units' scores the caller may see
   */
  public Evaluation of(String planCode, Period period, LocalDate today, Predicate<String> visible) {
    LocalDate cutOff = period == null ? today : period.cutOff(today);
    List<UnitFacts> all = facts.of(planCode, period == null ? null : period.first(), cutOff, today);
    return new Evaluation(planCode, period == null ? null : period.code(),
        period == null ? "截至" + cutOff : period.label(), cutOff,
        ranked(all, Role.LEAD, visible), ranked(all, Role.SUPPORTING, visible));
  }

  private List<Evaluation.UnitScore> ranked(List<UnitFacts> all, Role role, Predicate<String> visible) {
    List<Evaluation.UnitScore> scored = new ArrayList<>();
    for (UnitFacts f : all) {
      if (f.role() != role) {
        continue;
      }
      Scoring.Score score = scoring.of(f);
      scored.add(new Evaluation.UnitScore(f.unit(), name(f.unit()), role.label(), 0, score.score(),
          score.parts().stream().map(p -> new Evaluation.Part(p.key(), p.label(), p.points(), p.max(), p.basis()))
              .toList(), f.tasks(), f.returns(), f.exempted(), f.toleranceNotes()));
    }
    scored.sort(Comparator.comparingDouble(Evaluation.UnitScore::score).reversed()
        .thenComparing(Evaluation.UnitScore::code));
    List<Evaluation.UnitScore> ranked = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Evaluation.UnitScore s = scored.get(i);
      int rank = i > 0 && scored.get(i - 1).score() == s.score() ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Evaluation.UnitScore(s.code(), s.name(), s.role(), rank, s.score(), s.parts(), s.tasks(),
          s.returns(), s.exempted(), s.notes()));
    }
    return ranked.stream().filter(s -> visible.test(s.code())).toList();
  }

  private String name(String code) {
    return directory.byCode(code).map(Unit::shortName).orElse(code);
  }
}
