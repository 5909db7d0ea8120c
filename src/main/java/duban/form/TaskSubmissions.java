package duban.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/** Completes a task the way Tasklist does, after the same checks the form makes. */
@Service
public class TaskSubmissions {

  private final TaskService taskService;
  private final SubmissionValidator validator;

  TaskSubmissions(TaskService taskService, SubmissionValidator validator) {
    this.taskService = taskService;
    this.validator = validator;
  }

  public void complete(String taskId, Map<String, ?> variables) {
    validator.check(taskId, variables);
    taskService.complete(taskId, asSubmitted(variables));
  }

  /** Lists become Json variables, as Tasklist submits taglists. */
  private static Map<String, Object> asSubmitted(Map<String, ?> variables) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    variables.forEach((name, value) -> submitted.put(name,
        value instanceof List<?> list ? SpinValues.jsonValue(SubmittedValues.toJson(list)).create() : value));
    return submitted;
  }
}
