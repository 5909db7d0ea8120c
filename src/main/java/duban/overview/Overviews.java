package duban.overview;

import duban.supervision.TaskStage;
import duban.supervision.TargetProgress;
import duban.supervision.TaskStatus;
import duban.supervision.TaskTargets;
import duban.supervision.Today;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The read model's tasks of a plan as of now: what the overview, the ledger, the task list's statuses (and the
 * bulletin) read, so all of them count by one rule.
 */
@Service
public class Overviews {

  private final ReadModel readModel;
  private final TaskStatus rule;
  private final TaskTargets targets;

  Overviews(ReadModel readModel, TaskStatus rule, TaskTargets targets) {
    this.readModel = readModel;
    this.rule = rule;
    this.targets = targets;
  }

  public List<OverviewTask> tasks(String planCode) {
    LocalDateTime now = Today.now();
    Map<Integer, List<TargetProgress>> progress = targets.progress(planCode, now.toLocalDate());
    return readModel.tasks(planCode).stream()
        .map(t -> at(t, now, progress.getOrDefault(t.number(), List.of()))).toList();
  }

  /** Each target of a plan's tasks with its progress today, by task number (for the overview and the ledger). */
  public Map<Integer, List<TargetProgress>> targets(String planCode) {
    return targets.progress(planCode, Today.date());
  }

  /** How many 佐证材料 each task of a plan holds, by task number (tasks without any are absent). */
  public Map<Integer, Integer> evidenceFiles(String planCode) {
    return readModel.evidenceFiles(planCode);
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
    return at(t, now, List.of());
  }

  OverviewTask at(StoredTask t, LocalDateTime now, List<TargetProgress> progress) {
    TaskStage stage = TaskStage.shown(t.workStage(), t.closed(), t.outcome(), t.toleranceOpen(), t.extensionCount());
    if (t.closed()) {
      return new OverviewTask(t, stage, Status.DONE, 0, null, stage == TaskStage.EXEMPTED || !t.reportedLate());
    }
    LocalDate today = now.toLocalDate();
    Status status = Status.of(rule.of(t.dueDate(), now, t.awaitingReview(), t.reportReturned(), t.reportedLate(),
        TaskStatus.worstLag(progress, today)));
    Integer daysLeft = t.dueDate() == null ? null : (int) ChronoUnit.DAYS.between(today, t.dueDate());
    int overdue = status == Status.RED && daysLeft != null ? Math.max(0, -daysLeft) : 0;
    return new OverviewTask(t, stage, status, overdue, daysLeft, false);
  }
}
