package duban.engine;

import duban.form.FormSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The Camunda Form a task or start event shows, read as Tasklist reads it (the form of the process version's own
 * deployment) and kept per process version and step: a deployed form never changes.
 */
final class DeployedForms {

  private final Map<String, Optional<FormSchema>> schemas = new ConcurrentHashMap<>();

  Optional<FormSchema> ofTask(CommandContext context, TaskEntity task) {
    if (task.getProcessDefinitionId() == null) {
      return Optional.empty(); // a standalone task has no form
    }
    return cached(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), context,
        new GetDeployedTaskFormCmd(task.getId()));
  }

  Optional<FormSchema> ofStart(CommandContext context, ProcessDefinitionEntity definition) {
    return cached(definition.getId() + "/start", context, new GetDeployedStartFormCmd(definition.getId()));
  }

  private Optional<FormSchema> cached(String key, CommandContext context, AbstractGetDeployedFormCmd read) {
    Optional<FormSchema> schema = schemas.get(key);
    if (schema == null) {
      // whatever the caller's grants: the form's rules hold for anyone; run in this command, not a nested one
      schema = WithoutCaller.call(context.getProcessEngineConfiguration().getIdentityService(), () -> {
        try (InputStream in = read.execute(context)) {
          return Optional.of(FormSchema.read(in));
        } catch (ProcessEngineException noCamundaForm) {
          return Optional.<FormSchema>empty();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      schemas.put(key, schema);
    }
    return schema;
  }
}
