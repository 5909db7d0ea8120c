package duban.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What an engine command brings in from a user, whichever API it came through (REST, the webapps' API, Java): a
 * task's form values, a start form's values, or a change that goes past the forms. The command is recognised by its
 * class, so the spelling of the URL that led to it does not matter.
 */
sealed interface Submit {

  /** Completes (or resolves) a task with values for its form: submit-form, complete, resolve. */
  record TaskForm(String taskId, Map<String, ?> values) implements Submit {}

  /** Starts a process with values for its start form: submit-form, start. */
  record StartForm(Function<CommandContext, ProcessDefinitionEntity> definition, Map<String, ?> values)
      implements Submit {}

  /** Writes variables or moves a process without any form: what a unit user may not do at all. */
  record PastTheForms(String what) implements Submit {}

  CommandField<SubmitTaskFormCmd, String> SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId", String.class);
  CommandField<SubmitTaskFormCmd, Map> SUBMIT_VALUES = field(SubmitTaskFormCmd.class, "properties", Map.class);
  CommandField<CompleteTaskCmd, String> COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId", String.class);
  CommandField<CompleteTaskCmd, Map> COMPLETE_VALUES = field(CompleteTaskCmd.class, "variables", Map.class);
  CommandField<SubmitStartFormCmd, String> START_DEFINITION =
      field(SubmitStartFormCmd.class, "processDefinitionId", String.class);
  CommandField<SubmitStartFormCmd, Map> START_VALUES = field(SubmitStartFormCmd.class, "variables", Map.class);
  CommandField<StartProcessInstanceCmd, ProcessInstantiationBuilderImpl> START_BUILDER =
      field(StartProcessInstanceCmd.class, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);

  @SuppressWarnings("unchecked")
  static Optional<Submit> of(Command<?> command) {
    // ResolveTaskCmd is a CompleteTaskCmd
    if (command instanceof SubmitTaskFormCmd submit) {
      return Optional.of(new TaskForm(SUBMIT_TASK.of(submit), values(SUBMIT_VALUES.of(submit))));
    }
    if (command instanceof CompleteTaskCmd complete) {
      return Optional.of(new TaskForm(COMPLETE_TASK.of(complete), values(COMPLETE_VALUES.of(complete))));
    }
    if (command instanceof SubmitStartFormCmd start) {
      String id = START_DEFINITION.of(start);
      return Optional.of(new StartForm(
          context -> context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(id),
          values(START_VALUES.of(start))));
    }
    if (command instanceof StartProcessInstanceCmd start) {
      ProcessInstantiationBuilderImpl builder = START_BUILDER.of(start);
      return Optional.of(new StartForm(context -> new GetDeployedProcessDefinitionCmd(builder, false).execute(context),
          values(builder.getVariables())));
    }
    if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
        || command instanceof AbstractRemoveVariableCmd) {
      return Optional.of(new PastTheForms("直接修改流程变量"));
    }
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      return Optional.of(new PastTheForms("对任务抛出错误或升级事件"));
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof ModifyProcessInstanceCmd) {
      return Optional.of(new PastTheForms("从指定环节启动或修改流程实例"));
    }
    if (command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
        || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd) {
      return Optional.of(new PastTheForms("向流程发送消息或信号"));
    }
    return Optional.empty();
  }

  /** The values as submitted, typed: a {@link VariableMap} would hand out deserialised values. */
  private static Map<String, ?> values(Map<String, ?> values) {
    if (values instanceof VariableMap variables) {
      Map<String, Object> typed = new LinkedHashMap<>();
      variables.keySet().forEach(name -> typed.put(name, variables.getValueTyped(name)));
      return typed;
    }
    return values == null ? Map.of() : values;
  }

  private static <C, T> CommandField<C, T> field(Class<C> command, String name, Class<T> type) {
    return new CommandField<>(command, name, type);
  }
}
