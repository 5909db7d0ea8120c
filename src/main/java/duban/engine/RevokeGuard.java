package duban.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * duban only grants. The engine is told so ({@code authorizationCheckRevokes=never}), which spares every command its
 * search for revokes (README, Performance); a revoke stored anyway would be silently ignored, so none may be stored.
 */
class RevokeGuard extends CommandInterceptor {

  static final String MESSAGE = "本系统只使用授予（GRANT）授权，不支持撤销（REVOKE）授权：请删除或收窄相应的授予授权";

  private static final CommandField<SaveAuthorizationCmd, AuthorizationEntity> AUTHORIZATION =
      new CommandField<>(SaveAuthorizationCmd.class, "authorization", AuthorizationEntity.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SaveAuthorizationCmd save
        && AUTHORIZATION.of(save).getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
      throw new BadUserRequestException(MESSAGE);
    }
    return next.execute(command);
  }
}
