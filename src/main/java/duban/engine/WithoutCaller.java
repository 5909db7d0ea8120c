package duban.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls with the caller's authentication set aside and puts it back afterwards: for the answers the
 * system owes a caller about their own submit (form checks, what became of their task) from data they may not read.
 */
public final class WithoutCaller {

  private WithoutCaller() {}

  public static <T> T call(IdentityService identityService, Supplier<T> work) {
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
