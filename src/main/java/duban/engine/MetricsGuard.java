package duban.engine;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cmd.GetUniqueTaskWorkerCountCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;

/**
 * The engine's metrics (instances started, tasks worked, task workers: figures about every unit at once) are for the
 * administrators and the monitoring account only; Camunda lets any logged-in user query them.
 */
final class MetricsGuard extends CommandInterceptor {

  private final IdentityService identityService;
  private final Set<String> readers;

  MetricsGuard(IdentityService identityService, Set<String> readers) {
    this.identityService = identityService;
    this.readers = Set.copyOf(readers);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (isMetricsQuery(command)) {
      Authentication caller = identityService.getCurrentAuthentication();
      if (caller != null && (caller.getGroupIds() == null || caller.getGroupIds().stream().noneMatch(readers::contains))) {
        throw new AuthorizationException("引擎运行指标只对系统管理员和监控账号开放（" + caller.getUserId() + "）");
      }
    }
    return next.execute(command);
  }

  private static boolean isMetricsQuery(Command<?> command) {
    // the query is its own command, and runs inner ones
    return command instanceof MetricsQueryImpl || command instanceof GetUniqueTaskWorkerCountCmd
        || command.getClass().getEnclosingClass() == MetricsQueryImpl.class;
  }
}
