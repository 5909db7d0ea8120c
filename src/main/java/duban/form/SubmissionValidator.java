package duban.form;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Checks a task submit against the Camunda Form the task shows, because the engine itself does not: required
 * fields, lengths, ranges and choices, and no variable the form does not ask for. Form-specific business rules run
 * after the form's own rules.
 */
@Component
public class SubmissionValidator {

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final List<SubmissionRule> rules;
  private final Map<String, Optional<FormSchema>> schemas = new ConcurrentHashMap<>();

  SubmissionValidator(ProcessEngineConfigurationImpl engineConfiguration, FormService formService,
      RepositoryService repositoryService, List<SubmissionRule> rules) {
    this.engineConfiguration = engineConfiguration;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.rules = rules;
  }

  /**
   * Checks a submit in a command of its own, whatever the caller's grants: the task and its variables in one read.
   *
   * @throws SubmissionRejectedException naming every problem, if the submit breaks the task's form
   */
  public void check(String taskId, Map<String, ?> submittedVariables) {
    engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task != null) { // otherwise the engine answers "task not found" itself
        check(task, submittedVariables);
      }
      return null;
    });
  }

  /** Checks a submit inside the command that completes the task, on the entity and variables it has loaded. */
  void check(TaskEntity task, Map<String, ?> submittedVariables) {
    Optional<FormSchema> schema = schemaOf(task);
    if (schema.isEmpty()) {
      return;
    }
    Submission submission = new Submission(
        task.getId(),
        task.getName(),
        SubmittedValues.plain(submittedVariables),
        SubmittedValues.plain(task.getVariables()));
    enforce(schema.get(), submission);
  }

  /**
   * Checks a start-form submit (by definition id, or by key for the latest version). Its rules may look at the
   * caller, who must still be authenticated.
   */
  public void checkStart(String definitionIdOrKey, boolean byKey, Map<String, ?> submittedVariables) {
    ProcessDefinition definition = byKey
        ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(definitionIdOrKey).latestVersion().singleResult()
        : repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionIdOrKey).singleResult();
    if (definition == null) {
      return; // the engine answers "not found" itself
    }
    Optional<FormSchema> schema = schemas.computeIfAbsent(definition.getId() + "/start", key -> {
      try (InputStream in = formService.getDeployedStartForm(definition.getId())) {
        return Optional.of(FormSchema.read(in));
      } catch (ProcessEngineException e) {
        return Optional.empty();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
    if (schema.isPresent()) {
      enforce(schema.get(), new Submission(null, definition.getName(), SubmittedValues.plain(submittedVariables), Map.of()));
    }
  }

  private void enforce(FormSchema schema, Submission submission) {
    List<String> violations = violations(schema, submission);
    if (violations.isEmpty()) {
      for (SubmissionRule rule : rules) {
        if (rule.formId().equals(schema.id())) {
          rule.check(submission, violations);
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new SubmissionRejectedException(submission.taskName(), violations);
    }
  }

  private Optional<FormSchema> schemaOf(TaskEntity task) {
    return schemas.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), key -> {
      try (InputStream in = formService.getDeployedTaskForm(task.getId())) {
        return Optional.of(FormSchema.read(in));
      } catch (ProcessEngineException e) {
        return Optional.empty(); // a task without a deployed Camunda Form
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static List<String> violations(FormSchema schema, Submission submission) {
    List<String> violations = new ArrayList<>();
    for (String name : submission.submitted().keySet()) {
      if (!schema.fields().containsKey(name)) {
        violations.add("表单中没有「" + name + "」，不得提交该变量");
      }
    }
    Map<String, Object> merged = submission.merged();
    for (FormField field : schema.fields().values()) {
      if (field.hide() != null && field.hide().isTrue(merged)) {
        continue;
      }
      Object value = submission.submitted().get(field.key());
      if (isBlank(value)) {
        if (field.required()) {
          violations.add("「" + field.label() + "」为必填项");
        }
        continue;
      }
      checkValue(field, value, submission, violations);
    }
    return violations;
  }

  private static void checkValue(FormField field, Object value, Submission submission, List<String> violations) {
    String label = "「" + field.label() + "」";
    switch (field.type()) {
      case "textfield", "textarea" -> {
        if (!(value instanceof String text)) {
          violations.add(label + "应为文本");
          return;
        }
        int length = text.strip().codePointCount(0, text.strip().length());
        if (field.minLength() != null && length < field.minLength()) {
          violations.add(label + "至少 " + field.minLength() + " 个字");
        }
        if (field.maxLength() != null && length > field.maxLength()) {
          violations.add(label + "最多 " + field.maxLength() + " 个字");
        }
      }
      case "number" -> {
        if (!(value instanceof Number number)) {
          violations.add(label + "应为数字");
          return;
        }
        if (field.min() != null && number.doubleValue() < field.min()) {
          violations.add(label + "不得小于 " + field.min());
        }
        if (field.max() != null && number.doubleValue() > field.max()) {
          violations.add(label + "不得大于 " + field.max());
        }
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          violations.add(label + "应为是或否");
        }
      }
      case "datetime" -> {
        try {
          LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
          violations.add(label + "不是有效日期（应为 yyyy-MM-dd）");
        }
      }
      default -> {
        if (field.isChoice()) {
          checkChoice(field, value, submission, violations);
        }
      }
    }
  }

  private static void checkChoice(FormField field, Object value, Submission submission, List<String> violations) {
    String label = "「" + field.label() + "」";
    List<String> allowed = field.valuesKey() == null ? field.values() : options(submission.current().get(field.valuesKey()));
    List<?> chosen;
    if (field.isList()) {
      if (!(value instanceof List<?> list)) {
        violations.add(label + "应为列表");
        return;
      }
      chosen = list;
    } else {
      chosen = List.of(value);
    }
    for (Object choice : chosen) {
      if (!allowed.contains(String.valueOf(choice))) {
        violations.add(label + "不能选择「" + choice + "」");
      }
    }
  }

  /** Options given in a variable, as Camunda Forms read them: strings, or objects with a value. */
  private static List<String> options(Object options) {
    List<String> values = new ArrayList<>();
    if (options instanceof List<?> list) {
      for (Object option : list) {
        values.add(option instanceof Map<?, ?> map ? String.valueOf(map.get("value")) : String.valueOf(option));
      }
    }
    return values;
  }

  private static boolean isBlank(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof List<?> l && l.isEmpty());
  }
}
