package duban.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submit of a task that is no longer open, with the reason from its history: a bad request to the engine (logged
 * without a stack trace), turned into the {@link duban.form.TaskConflictException} callers see by {@link SubmitRetry}.
 */
final class ClosedTask extends BadUserRequestException {

  ClosedTask(String reason) {
    super(reason);
  }
}
