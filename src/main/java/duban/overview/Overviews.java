package duban.overview;

import duban.supervision.TaskStage;
import duban.supervision.TaskStatus;
import duban.supervision.Today;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The read model's tasks of a plan as of now: what the overview, the ledger, the task list's statuses (and the
 * bulletin) read, so all of them count by one rule.
 */
@Service
public class Overviews {

  private final ReadModel readModel;
  private final TaskStatus rule;

  Overviews(ReadModel readModel, TaskStatus rule) {
    this.readModel = readModel;
    this.rule = rule;
  }

  public List<OverviewTask> tasks(String planCode) {
    LocalDateTime now = Today.now();
    return readModel.tasks(planCode).stream().map(t -> at(t, now)).toList();
  }

  /** The rows as stored, without what the clock adds. */
  public List<StoredTask> stored(String planCode) {
    return readModel.tasks(planCode);
  }

  public List<TimelineEntry> timeline(String planCode, int number) {
    return readModel.events(planCode, number);
  }

  public int warningDays() {
    return rule.warningDays();
  }

  OverviewTask at(StoredTask t, LocalDateTime now) {
    TaskStage stage = TaskStage.shown(t.workStage(), t.closed(), t.outcome(), t.toleranceOpen(), t.extensionCount());
    if (t.closed()) {
      return new OverviewTask(t, stage, Status.DONE, 0, null, stage == TaskStage.EXEMPTED || !t.reportedLate());
    }
    LocalDate today = now.toLocalDate();
    Status status = t.dueDate() == null ? Status.GREEN
        : Status.of(rule.of(t.dueDate(), now, t.awaitingReview(), t.reportReturned(), t.reportedLate()));
    Integer daysLeft = t.dueDate() == null ? null : (int) ChronoUnit.DAYS.between(today, t.dueDate());
    int overdue = status == Status.RED && daysLeft != null ? Math.max(0, -daysLeft) : 0;
    return new OverviewTask(t, stage, status, overdue, daysLeft, false);
  }
}
