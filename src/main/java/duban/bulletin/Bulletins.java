package duban.bulletin;

import duban.evaluation.Evaluation;
import duban.evaluation.Evaluations;
import duban.evaluation.Period;
import duban.overview.OverviewFigures;
import duban.overview.OverviewTask;
import duban.overview.Overviews;
import duban.overview.PlanFigures;
import duban.overview.Status;
import duban.plan.Plan;
import duban.plan.PlanCatalog;
import duban.supervision.TaskStage;
import duban.supervision.Today;
import duban.web.NotFoundException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 情况通报: written from the overview's figures and the evaluation as they stand at the moment of writing, and when
 * issued kept unchanged in the archive and announced to the joint-conference office and every unit.
 */
@Service
class Bulletins {

  static final int BEST_AND_WEAKEST = 3;

  private final PlanCatalog catalog;
  private final Overviews overviews;
  private final PlanFigures figures;
  private final Evaluations evaluations;
  private final BulletinArchive archive;
  private final BulletinAnnouncement announcement;
  private final BulletinSettings settings;

  Bulletins(PlanCatalog catalog, Overviews overviews, PlanFigures figures, Evaluations evaluations,
      BulletinArchive archive, BulletinAnnouncement announcement, BulletinSettings settings) {
    this.catalog = catalog;
    this.overviews = overviews;
    this.figures = figures;
    this.evaluations = evaluations;
    this.archive = archive;
    this.announcement = announcement;
    this.settings = settings;
  }

  Plan plan(String code) {
    return catalog.find(code).orElseThrow(() -> new NotFoundException("没有编号为 " + code + " 的任务分工表"));
  }

  Period period(String planCode, String code) {
    return evaluations.period(planCode, code);
  }

  /** The bulletin as it would read now, not archived. */
  byte[] draft(String planCode, Period period) {
    Plan plan = plan(planCode);
    return BulletinDocument.write(content(plan, period, archive.nextSerial(planCode), null));
  }

  /** Issues a bulletin: archived for good and announced. */
  @Transactional
  BulletinArchive.Issued issue(String planCode, Period period, Integer corrects, String scheduledFor, String by) {
    Plan plan = plan(planCode);
    if (corrects != null && archive.find(planCode, corrects).isEmpty()) {
      throw new IllegalArgumentException("要更正的第 " + corrects + " 期通报不存在");
    }
    int serial = archive.nextSerial(planCode);
    BulletinContent content = content(plan, period, serial, corrects);
    BulletinArchive.Issued issued = new BulletinArchive.Issued(planCode, serial, period.code(), scheduledFor, corrects,
        BulletinDocument.title(content) + "（第 " + serial + " 期）", content.asOf(), Today.now(), by);
    archive.add(issued, BulletinDocument.write(content));
    announcement.announce(plan, issued);
    return issued;
  }

  BulletinContent content(Plan plan, Period period, int serial, Integer corrects) {
    LocalDate today = Today.date();
    List<OverviewTask> tasks = overviews.tasks(plan.code());
    OverviewFigures f = figures.of(plan, tasks, today);
    Map<Status, Integer> by = f.byStatus();
    int done = by.get(Status.DONE);
    BulletinContent.Totals totals = new BulletinContent.Totals(f.tasks(), done,
        (int) tasks.stream().filter(t -> t.status() == Status.DONE && t.doneOnTime()).count(), f.tasks() - done,
        by.get(Status.RED), count(tasks, TaskStage.EXTENDED),
        count(tasks, TaskStage.TOLERANCE_REVIEW) + count(tasks, TaskStage.EXEMPTED));
    List<BulletinContent.SectionLine> sections = f.bySection().stream()
        .map(s -> new BulletinContent.SectionLine(s.title(), s.tasks(), s.byStatus().get(Status.DONE),
            s.tasks() - s.byStatus().get(Status.DONE), s.byStatus().get(Status.RED))).toList();
    List<BulletinContent.OverdueLine> overdue = f.overdue().stream()
        .map(o -> new BulletinContent.OverdueLine(o.number(), o.title(), o.leadUnits(), o.days())).toList();

    Evaluation evaluation = evaluations.of(plan.code(), period, today, unit -> true);
    List<BulletinContent.UnitLine> returns = evaluation.units().stream().filter(u -> u.returns() > 1)
        .sorted(Comparator.comparingInt(Evaluation.UnitScore::returns).reversed())
        .map(u -> new BulletinContent.UnitLine(u.code(), u.name(), u.returns() + " 次")).toList();
    List<Evaluation.UnitScore> rated = evaluation.units().stream().filter(u -> u.tasks() > 0).toList();
    List<BulletinContent.UnitLine> best = rated.stream().limit(BEST_AND_WEAKEST).map(Bulletins::scoreLine).toList();
    List<BulletinContent.UnitLine> weakest = rated.size() <= BEST_AND_WEAKEST ? List.of()
        : rated.subList(Math.max(BEST_AND_WEAKEST, rated.size() - BEST_AND_WEAKEST), rated.size()).stream()
            .sorted(Comparator.comparingDouble(Evaluation.UnitScore::score)).map(Bulletins::scoreLine).toList();

    LocalDate since = archive.previousAsOf(plan.code(), serial).orElse(period.first().minusDays(1));
    List<BulletinContent.ClosedLine> closed = tasks.stream()
        .filter(t -> t.stored().closed() && t.stage() == TaskStage.DONE
            && t.stored().closedAt().toLocalDate().isAfter(since))
        .map(t -> new BulletinContent.ClosedLine(t.number(), t.stored().title(), t.stored().closedAt().toLocalDate()))
        .toList();
    List<BulletinContent.ExemptionLine> exemptions = tasks.stream().filter(t -> t.stage() == TaskStage.EXEMPTED)
        .map(t -> new BulletinContent.ExemptionLine(t.number(), t.stored().title(), "予以容错免责，不作负面评价"))
        .toList();
    return new BulletinContent(plan.code(), plan.title(), settings.issuingOffice(), period, today, serial, corrects,
        totals, sections, overdue, returns, best, weakest, closed, exemptions);
  }

  private static BulletinContent.UnitLine scoreLine(Evaluation.UnitScore u) {
    return new BulletinContent.UnitLine(u.code(), u.name(), u.score() + " 分");
  }

  private static int count(List<OverviewTask> tasks, TaskStage stage) {
    return (int) tasks.stream().filter(t -> t.stage() == stage).count();
  }
}
