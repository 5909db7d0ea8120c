package duban.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * duban's one way to act as the system: engine calls the caller could not make themselves, for the answers and
 * effects the system owes them (form checks, what became of their task, a unit's grants, the task a 容错 application
 * is about). Outside a command (a controller, a filter) the caller's authentication is set aside and put back
 * afterwards. Inside one (a listener, a delegate, a submit rule) the command's authorization checks are off for the
 * work and back on after it; the caller stays on record as the one who caused the change.
 */
public final class WithoutCaller {

  private WithoutCaller() {}

  public static <T> T call(IdentityService identityService, Supplier<T> work) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      return command.runWithoutAuthorization(work::get);
    }
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
