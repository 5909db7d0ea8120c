package duban.overview;

import duban.supervision.SupervisionEvents;
import duban.supervision.Today;
import org.springframework.stereotype.Component;

/** Keeps the read model and the timeline current from the steps the process publishes, in the step's transaction. */
@Component
class ReadModelUpkeep implements SupervisionEvents {

  private final ReadModel readModel;

  ReadModelUpkeep(ReadModel readModel) {
    this.readModel = readModel;
  }

  @Override
  public void on(Step step) {
    if (step.task() != null) {
      readModel.save(StoredTask.WHOLE_TASK, step.processInstanceId(), step.task(), step.stage());
    }
    if (step.kind() == Kind.REMINDER) {
      readModel.reminderSent(step.planCode(), step.number());
    }
    if (step.text() != null) {
      readModel.addEvent(new TimelineEntry(step.planCode(), step.number(), step.processInstanceId(), Today.now(),
          step.kind().name(), step.actor(), step.unit(), step.text()));
    }
  }
}
