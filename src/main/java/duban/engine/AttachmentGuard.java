package duban.engine;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Closes the engine's own task and process attachments to everyone but administrators, whichever API they come
 * through ({@code /engine-rest/task/{id}/attachment…}, the webapps' engine API, the Java API). The engine would
 * let anyone who may read a task read its attachments, and any candidate add them, unchecked: evidence goes through
 * duban's evidence API, which checks type, size and who may read it. Calls without a user (the engine itself) pass.
 */
final class AttachmentGuard extends CommandInterceptor {

  static final String MESSAGE = "附件请通过佐证材料功能上传和查看（/api/tasks/{taskId}/evidence）";

  private static final List<Class<?>> ATTACHMENT_COMMANDS = List.of(CreateAttachmentCmd.class, SaveAttachmentCmd.class,
      DeleteAttachmentCmd.class, GetAttachmentCmd.class, GetAttachmentContentCmd.class,
      GetTaskAttachmentCmd.class, GetTaskAttachmentContentCmd.class, GetTaskAttachmentsCmd.class,
      GetProcessInstanceAttachmentsCmd.class);

  private final ProcessEngineConfigurationImpl configuration;

  /** The identity service does not exist yet when plugins run; it is looked up per call. */
  AttachmentGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (ATTACHMENT_COMMANDS.contains(command.getClass())) {
      Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
      if (caller != null && (caller.getGroupIds() == null || !caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
        throw new AuthorizationException(MESSAGE);
      }
    }
    return next.execute(command);
  }
}
