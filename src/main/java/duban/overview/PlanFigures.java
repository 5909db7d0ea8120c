package duban.overview;

import duban.plan.Plan;
import duban.unit.UnitDirectory;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The overview's figures of a whole plan as of now, for what reports on it from outside (the 情况通报). */
@Component
public class PlanFigures {

  private final Overviews overviews;
  private final UnitDirectory directory;

  PlanFigures(Overviews overviews, UnitDirectory directory) {
    this.overviews = overviews;
    this.directory = directory;
  }

  public OverviewFigures of(Plan plan, List<OverviewTask> tasks, LocalDate today) {
    return OverviewFigures.of(plan, tasks, Scope.all(), directory, overviews.warningDays(), today);
  }
}
