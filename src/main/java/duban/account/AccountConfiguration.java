package duban.account;

import duban.engine.TemporaryLockout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AccountConfiguration {

  /** The notices are looked up when a lock happens: the engine is built before the beans they need. */
  @Bean
  TemporaryLockout temporaryLockout(LockoutSettings settings, ObjectProvider<LockoutNotices> notices) {
    return new TemporaryLockout(settings.maxAttempts(), settings.lockDuration(),
        (userId, attempts, until) -> notices.getObject().locked(userId, attempts, until));
  }
}
