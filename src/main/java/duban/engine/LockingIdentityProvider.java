package duban.engine;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's user store with a lock-out that ends: an account is locked while its lock expiry lies ahead, never
 * merely because its failure count reached the maximum. A failure after a lock-out has expired starts the count
 * again; a correct password clears it (as in Camunda).
 */
class LockingIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger log = LoggerFactory.getLogger(LockingIdentityProvider.class);

  private final int maxAttempts;
  private final Duration lockFor;
  private final TemporaryLockout.Listener listener;

  LockingIdentityProvider(int maxAttempts, Duration lockFor, TemporaryLockout.Listener listener) {
    this.maxAttempts = maxAttempts;
    this.lockFor = lockFor;
    this.listener = listener;
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    Date until = user.getLockExpirationTime();
    return until != null && until.after(ClockUtil.getCurrentTime());
  }

  @Override
  protected void lockUser(UserEntity user) {
    long now = ClockUtil.getCurrentTime().getTime();
    int attempts = (user.getAttempts() >= maxAttempts ? 0 : user.getAttempts()) + 1;
    if (attempts >= maxAttempts) {
      Date until = new Date(now + lockFor.toMillis());
      getIdentityInfoManager().updateUserLock(user, attempts, until);
      log.info("Account {} locked until {} after {} wrong passwords", user.getId(), until.toInstant(), attempts);
      listener.locked(user.getId(), attempts, until.toInstant());
      return;
    }
    getIdentityInfoManager().updateUserLock(user, attempts, new Date(now + pause(attempts)));
  }

  /** Camunda's pause after a failure: base × factor^(attempts − 1) seconds, at most the maximum. */
  private static long pause(int attempts) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    double seconds = configuration.getLoginDelayBase() * Math.pow(configuration.getLoginDelayFactor(), attempts - 1);
    return (long) Math.min(seconds, configuration.getLoginDelayMaxTime()) * 1000;
  }
}
