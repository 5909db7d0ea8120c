package duban.form;

import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Completes a task after its form's checks, in one command: the checks read the task and variables the completion
 * loads anyway, and run after the engine has checked that the caller may work on the task, so a caller without access
 * learns nothing about the form.
 */
class CheckedCompletion extends CompleteTaskCmd {

  private final transient SubmissionValidator validator;
  private final transient Map<String, ?> submitted;

  CheckedCompletion(String taskId, Map<String, Object> variables, Map<String, ?> submitted,
      SubmissionValidator validator) {
    super(taskId, variables);
    this.validator = validator;
    this.submitted = submitted;
  }

  @Override
  protected void checkCompleteTask(TaskEntity task, CommandContext commandContext) {
    super.checkCompleteTask(task, commandContext);
    validator.check(task, submitted);
  }
}
