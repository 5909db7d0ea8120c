package duban.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many wrong passwords in a row lock an account, and for how long. */
@ConfigurationProperties("duban.accounts")
record LockoutSettings(int maxAttempts, Duration lockDuration) {

  LockoutSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("duban.accounts.max-attempts 须至少为 1");
    }
    if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
      throw new IllegalArgumentException("duban.accounts.lock-duration 须为正的时长");
    }
  }
}
