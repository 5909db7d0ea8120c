package duban.engine;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Installs {@link LockingIdentityProvider}: after {@code maxAttempts} wrong passwords in a row an account is locked for
 * {@code lockFor} and then opens again by itself, instead of Camunda's lock for good. The engine's growing pause after
 * each earlier failure ({@code loginDelayBase}, {@code loginDelayFactor}, {@code loginDelayMaxTime}) stays.
 */
public final class TemporaryLockout extends AbstractProcessEnginePlugin {

  /** Told once per lock-out, inside the command that locks the account. */
  public interface Listener {
    void locked(String userId, int attempts, Instant until);
  }

  private final int maxAttempts;
  private final Duration lockFor;
  private final Listener listener;

  public TemporaryLockout(int maxAttempts, Duration lockFor, Listener listener) {
    if (maxAttempts < 1 || lockFor.isNegative() || lockFor.isZero()) {
      throw new IllegalArgumentException("lock-out needs at least one attempt and a positive duration");
    }
    this.maxAttempts = maxAttempts;
    this.lockFor = lockFor;
    this.listener = listener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(maxAttempts);
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return LockingIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new LockingIdentityProvider(maxAttempts, lockFor, listener);
      }
    });
  }
}
