package duban.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/** Completes a task the way Tasklist does, after the same checks the form makes. */
@Service
public class TaskSubmissions {

  private final TaskService taskService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final SubmissionValidator validator;

  TaskSubmissions(TaskService taskService, FormService formService, RepositoryService repositoryService,
      SubmissionValidator validator) {
    this.taskService = taskService;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.validator = validator;
  }

  public void complete(String taskId, Map<String, ?> variables) {
    validator.check(taskId, variables);
    taskService.complete(taskId, asSubmitted(variables));
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
