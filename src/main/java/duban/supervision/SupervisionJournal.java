package duban.supervision;

import duban.supervision.SupervisionEvents.Kind;
import duban.supervision.SupervisionEvents.Step;
import duban.security.CurrentUser;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Publishes the steps of a task's supervision to every {@link SupervisionEvents} receiver, in the caller's transaction. */
@Component
public class SupervisionJournal {

  private final ObjectProvider<SupervisionEvents> receivers;
  private final CurrentUser currentUser;

  SupervisionJournal(ObjectProvider<SupervisionEvents> receivers, CurrentUser currentUser) {
    this.receivers = receivers;
    this.currentUser = currentUser;
  }

  /** A step of the supervision process itself; the task's state is read from the step's scope. */
  public void step(VariableScope scope, String processInstanceId, Kind kind, TaskStage stage, String unit, String text) {
    TaskSnapshot task = TaskSnapshot.of(scope::getVariable);
    publish(new Step(task.planCode(), task.number(), processInstanceId, kind, stage, actor(), unit, text, task));
  }

  /** A step recorded from outside the supervision process: a 容错 application, a reminder. */
  public void record(String planCode, int number, String processInstanceId, Kind kind, String unit, String text,
      TaskSnapshot task) {
    publish(new Step(planCode, number, processInstanceId, kind, null, actor(), unit, text, task));
  }

  private void publish(Step step) {
    receivers.orderedStream().forEach(receiver -> receiver.on(step));
  }

  private String actor() {
    return currentUser.id();
  }
}
