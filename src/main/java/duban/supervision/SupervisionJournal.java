package duban.supervision;

import duban.engine.CurrentUser;
import duban.supervision.SupervisionEvents.Kind;
import duban.supervision.SupervisionEvents.Step;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Publishes steps of a task's supervision to every {@link SupervisionEvents} receiver, in the caller's transaction. */
@Component
public class SupervisionJournal {

  private final ObjectProvider<SupervisionEvents> receivers;
  private final CurrentUser currentUser;
  /** What the journal adds to each step (snapshot and receivers): the overview's upkeep cost, for the benchmark. */
  private final Timer timer;

  SupervisionJournal(ObjectProvider<SupervisionEvents> receivers, CurrentUser currentUser, MeterRegistry registry) {
    this.receivers = receivers;
    this.currentUser = currentUser;
    this.timer = Timer.builder("duban.journal").description("Time spent publishing supervision steps to read models")
        .register(registry);
  }

  /** A step of the supervision process itself; the task's state is read from the step's scope. */
  public void step(VariableScope scope, String processInstanceId, Kind kind, TaskStage stage, String unit,
      String text) {
    timer.record(() -> {
      TaskSnapshot task = TaskSnapshot.of(scope::getVariable);
      receivers.orderedStream().forEach(receiver -> receiver.on(
          new Step(task.planCode(), task.number(), processInstanceId, kind, stage, actor(), unit, text, task)));
    });
  }

  /** A step recorded from outside the supervision process: a 容错 application, a reminder. */
  public void record(String planCode, int number, String processInstanceId, Kind kind, String unit, String text,
      TaskSnapshot task) {
    Step step = new Step(planCode, number, processInstanceId, kind, null, actor(), unit, text, task);
    timer.record(() -> receivers.orderedStream().forEach(receiver -> receiver.on(step)));
  }

  private String actor() {
    return currentUser.id();
  }
}
