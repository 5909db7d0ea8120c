package duban.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Completes a task the way Tasklist does, after the same checks the form makes. A completion that collides with a
 * sibling's is tried again, checks included; one whose task someone else completed first is refused with
 * {@link TaskConflictException}, so a task is never completed twice.
 */
@Service
public class TaskSubmissions {

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final SubmissionValidator validator;
  private final SubmitRetry retry;
  private final ClosedTasks closedTasks;

  TaskSubmissions(ProcessEngineConfigurationImpl engineConfiguration, FormService formService,
      RepositoryService repositoryService, SubmissionValidator validator, SubmitRetry retry, ClosedTasks closedTasks) {
    this.engineConfiguration = engineConfiguration;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.validator = validator;
    this.retry = retry;
    this.closedTasks = closedTasks;
  }

  public void complete(String taskId, Map<String, ?> variables) {
    for (int attempt = 1; ; attempt++) {
      try {
        engineConfiguration.getCommandExecutorTxRequired()
            .execute(new CheckedCompletion(taskId, asSubmitted(variables), variables, validator));
        retry.succeeded(attempt);
        return;
      } catch (ProcessEngineException e) {
        // inside a caller's transaction the rolled-back work cannot be redone here
        if (SubmitRetry.isTransient(e) && !TransactionSynchronizationManager.isActualTransactionActive()
            && retry.again(attempt, taskId)) {
          continue;
        }
        var closed = closedTasks.reason(taskId);
        if (closed.isPresent()) {
          retry.conflict();
          throw new TaskConflictException(closed.get(), e);
        }
        if (SubmitRetry.isTransient(e)) {
          retry.conflict();
          throw new TaskConflictException(ClosedTasks.BUSY, e);
        }
        throw e;
      }
    }
  }

  /** Starts the latest version of a process through its start form, after the form's checks. */
  public ProcessInstance start(String processKey, Map<String, ?> variables) {
    validator.checkStart(processKey, true, variables);
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getId();
    return formService.submitStartForm(definitionId, asSubmitted(variables));
  }

  /** Lists become Json variables, as Tasklist submits taglists. */
  private static Map<String, Object> asSubmitted(Map<String, ?> variables) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    variables.forEach((name, value) -> submitted.put(name,
        value instanceof List<?> list ? SpinValues.jsonValue(SubmittedValues.toJson(list)).create() : value));
    return submitted;
  }
}
