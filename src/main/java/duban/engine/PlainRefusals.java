package duban.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.IdentityService;

/**
 * Refusals that are the caller's doing answer 400 with a Chinese reason, where the engine throws its plain exception
 * (which the REST API turns into a 500): a password the policy rejects, deleting a task. A task the caller cannot see
 * is refused in the same words whether it exists or not.
 */
public final class PlainRefusals extends CommandInterceptor {

  public static final String NOT_DELETABLE = "督办任务不能删除：请在待办中办理，或由督查室重新交办";

  private static final CommandField<SaveUserCmd, User> SAVED_USER = new CommandField<>(SaveUserCmd.class, "user", User.class);
  private static final CommandField<UserEntity, String> NEW_PASSWORD =
      new CommandField<>(UserEntity.class, "newPassword", String.class);
  private static final CommandField<DeleteTaskCmd, String> DELETED_TASK =
      new CommandField<>(DeleteTaskCmd.class, "taskId", String.class);
  @SuppressWarnings("rawtypes")
  private static final CommandField<DeleteTaskCmd, java.util.Collection> DELETED_TASKS =
      new CommandField<>(DeleteTaskCmd.class, "taskIds", java.util.Collection.class);

  private final IdentityService identityService;
  private final TaskService taskService;

  PlainRefusals(IdentityService identityService, TaskService taskService) {
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof DeleteTaskCmd delete) {
      refuseInvisible(delete);
    }
    try {
      return next.execute(command);
    } catch (AuthorizationException | BadUserRequestException e) {
      throw e;
    } catch (ProcessEngineException e) {
      if (command instanceof SaveUserCmd save && e.getMessage() != null && e.getMessage().contains("policy")) {
        throw new BadUserRequestException("密码不符合密码策略：" + weaknesses(SAVED_USER.of(save)));
      }
      if (command instanceof DeleteTaskCmd && e.getClass() == ProcessEngineException.class) {
        throw new BadUserRequestException(NOT_DELETABLE);
      }
      throw e;
    }
  }

  private void refuseInvisible(DeleteTaskCmd delete) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      return;
    }
    List<String> ids = new ArrayList<>();
    if (DELETED_TASK.of(delete) != null) {
      ids.add(DELETED_TASK.of(delete));
    }
    if (DELETED_TASKS.of(delete) != null) {
      for (Object id : DELETED_TASKS.of(delete)) {
        ids.add(String.valueOf(id));
      }
    }
    for (String id : ids) {
      if (taskService.createTaskQuery().taskId(id).count() == 0) {
        throw new BadUserRequestException(NOT_DELETABLE);
      }
    }
  }

  private static String weaknesses(User user) {
    String password = user instanceof UserEntity entity ? NEW_PASSWORD.of(entity) : null;
    List<String> problems = password == null ? List.of() : PasswordPolicy.weaknesses(user.getId(), password);
    return problems.isEmpty() ? "请换一个更强的密码" : String.join("；", problems);
  }
}
