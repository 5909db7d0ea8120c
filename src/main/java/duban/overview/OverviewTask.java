package duban.overview;

import duban.supervision.TaskStage;
import java.time.LocalDate;

/**
 * A task as the office sees it today: the stored row with what follows from the clock (status, days overdue or left),
 * computed when read so that it changes with the date, not with the next step.
 *
 * @param daysOverdue days past the due date while the task is red, else 0
 * @param daysLeft days to the due date for an open task, negative once it has passed; null once closed
 * @param doneOnTime closed with its last report in by the due date (an approved extension moves it), or 容错免责
 */
public record OverviewTask(StoredTask stored, TaskStage stage, Status status, int daysOverdue, Integer daysLeft,
    boolean doneOnTime) {

  public int number() {
    return stored.number();
  }

  public LocalDate dueDate() {
    return stored.dueDate();
  }

  public String primaryLeadUnit() {
    return stored.leadUnits().isEmpty() ? null : stored.leadUnits().get(0);
  }
}
