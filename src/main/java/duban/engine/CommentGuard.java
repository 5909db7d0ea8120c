package duban.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskEventsCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Comments (留言) only for those who may read the task or instance they belong to. Camunda's comment commands check
 * no authorization at all; its REST API looks the task up in history first, but not for every call (a single comment
 * by id), and the Java API not at all.
 */
class CommentGuard extends CommandInterceptor {

  private static final CommandField<AddCommentCmd, String> ADD_TASK =
      new CommandField<>(AddCommentCmd.class, "taskId", String.class);
  private static final CommandField<AddCommentCmd, String> ADD_INSTANCE =
      new CommandField<>(AddCommentCmd.class, "processInstanceId", String.class);
  private static final CommandField<GetTaskCommentsCmd, String> LIST_TASK =
      new CommandField<>(GetTaskCommentsCmd.class, "taskId", String.class);
  private static final CommandField<GetTaskCommentCmd, String> ONE_TASK =
      new CommandField<>(GetTaskCommentCmd.class, "taskId", String.class);
  private static final CommandField<GetTaskEventsCmd, String> EVENTS_TASK =
      new CommandField<>(GetTaskEventsCmd.class, "taskId", String.class);
  private static final CommandField<GetProcessInstanceCommentsCmd, String> LIST_INSTANCE =
      new CommandField<>(GetProcessInstanceCommentsCmd.class, "processInstanceId", String.class);

  private final ProcessEngineConfigurationImpl configuration;

  CommentGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AddCommentCmd add) {
      String task = ADD_TASK.of(add);
      if (task != null) {
        requireTask(task);
      } else {
        requireInstance(ADD_INSTANCE.of(add));
      }
    } else if (command instanceof GetTaskCommentsCmd list) {
      requireTask(LIST_TASK.of(list));
    } else if (command instanceof GetTaskCommentCmd one) {
      requireTask(ONE_TASK.of(one));
    } else if (command instanceof GetTaskEventsCmd events) {
      requireTask(EVENTS_TASK.of(events));
    } else if (command instanceof GetProcessInstanceCommentsCmd list) {
      requireInstance(LIST_INSTANCE.of(list));
    }
    return next.execute(command);
  }

  private void requireTask(String taskId) {
    Authentication caller = caller();
    if (caller == null || taskId == null) {
      return;
    }
    boolean visible = configuration.getTaskService().createTaskQuery().taskId(taskId).count() > 0
        || configuration.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    if (!visible) {
      throw new AuthorizationException(caller.getUserId(), "READ", "Task", taskId);
    }
  }

  private void requireInstance(String processInstanceId) {
    Authentication caller = caller();
    if (caller == null || processInstanceId == null) {
      return;
    }
    if (configuration.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .count() == 0) {
      throw new AuthorizationException(caller.getUserId(), "READ", "ProcessInstance", processInstanceId);
    }
  }

  private Authentication caller() {
    return configuration.isAuthorizationEnabled() ? configuration.getIdentityService().getCurrentAuthentication() : null;
  }
}
