package duban.engine;

import duban.form.FormSchema;
import duban.form.Submission;
import duban.form.SubmissionValidator;
import duban.form.SubmittedValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The form check of every submit, inside the engine's command and before it applies anything: a task's values
 * against the task's Camunda Form and its {@link duban.form.SubmissionRule}s, a start's values against the start
 * form, and no way past the forms for unit users. Only the command a caller issued is checked; the commands the
 * engine and our listeners run inside it are the system's own.
 *
 * <p>The engine's own authorization check runs first, as the command would run it, so a caller who may not work on
 * a task learns nothing about its form.
 */
final class SubmitCheck extends CommandInterceptor {

  static final String PAST_THE_FORMS = "单位用户只能通过表单办理任务，不能%s";

  /** Commands running on this thread below the one a caller issued. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final DeployedForms forms;
  private final ClosedTasks closedTasks;
  private final Supplier<SubmissionValidator> rules;
  private volatile SubmissionValidator validator;

  SubmitCheck(DeployedForms forms, ClosedTasks closedTasks, Supplier<SubmissionValidator> rules) {
    this.forms = forms;
    this.closedTasks = closedTasks;
    this.rules = rules;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      return next.execute(command);
    }
    depth[0]++;
    try {
      Optional<Submit> submit = Submit.of(command);
      if (submit.isPresent()) {
        check(submit.get(), Context.getCommandContext());
      }
      return next.execute(command);
    } finally {
      depth[0]--;
    }
  }

  private void check(Submit submit, CommandContext context) {
    if (submit instanceof Submit.TaskForm task) {
      checkTask(task, context);
    } else if (submit instanceof Submit.StartForm start) {
      checkStart(start, context);
    } else if (submit instanceof Submit.PastTheForms past && isUnitUser(context)) {
      throw new AuthorizationException(String.format(PAST_THE_FORMS, past.what()));
    }
  }

  private void checkTask(Submit.TaskForm submit, CommandContext context) {
    TaskEntity task = context.getTaskManager().findTaskById(submit.taskId());
    if (task == null) {
      // most often a colleague's submit won; a task never known is the command's to report
      closedTasks.reason(submit.taskId()).ifPresent(reason -> {
        throw new ClosedTask(reason);
      });
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    Optional<FormSchema> schema = forms.ofTask(context, task);
    if (schema.isPresent()) {
      enforce(schema.get(), new Submission(task.getId(), task.getName(), SubmittedValues.submitted(submit.values()),
          SubmittedValues.plain(task.getVariablesTyped(false))));
    }
  }

  private void checkStart(Submit.StartForm submit, CommandContext context) {
    ProcessDefinitionEntity definition = submit.definition().apply(context);
    if (definition == null) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkCreateProcessInstance(definition);
    }
    Optional<FormSchema> schema = forms.ofStart(context, definition);
    if (schema.isPresent()) {
      enforce(schema.get(), new Submission(null, definition.getName(), SubmittedValues.submitted(submit.values()),
          Map.of()));
    }
  }

  private void enforce(FormSchema schema, Submission submission) {
    if (validator == null) {
      validator = rules.get();
    }
    List<String> violations = validator.problems(schema, submission);
    if (!violations.isEmpty()) {
      throw new RefusedSubmit(submission.taskName(), violations);
    }
  }

  /** Anyone signed in but the administrators: the system itself (no one signed in) and admins may repair data. */
  private static boolean isUnitUser(CommandContext context) {
    Authentication caller = context.getAuthentication();
    return caller != null && caller.getUserId() != null && !context.getAuthorizationManager().isCamundaAdmin(caller);
  }
}
