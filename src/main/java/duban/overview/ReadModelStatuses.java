package duban.overview;

import duban.supervision.TaskStatuses;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The task list's statuses, from the same rows and rule as the overview's counts. */
@Component
class ReadModelStatuses implements TaskStatuses {

  private final Overviews overviews;

  ReadModelStatuses(Overviews overviews) {
    this.overviews = overviews;
  }

  @Override
  public Map<Integer, Status> of(String planCode) {
    Map<Integer, Status> statuses = new HashMap<>();
    for (OverviewTask task : overviews.tasks(planCode)) {
      if (StoredTask.WHOLE_TASK.equals(task.stored().member())) {
        statuses.put(task.number(), new Status(task.status().name(), task.status().label(), task.stored().closed()));
      }
    }
    return statuses;
  }
}
