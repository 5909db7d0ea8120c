package duban.reminder;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reminder ladder and its delivery. Thresholds are in calendar days before the due date; step limits live in
 * {@code duban.limits} and count working days. {@code claimTimeout}: how long a notice taken for sending stays with
 * its sender before another worker may take it over (the sender's node is presumed dead); by default the job
 * executor's lock time, after which the engine itself hands the sender's job to another node.
 */
@ConfigurationProperties("duban.reminders")
public record ReminderSettings(
    int approachingDays,
    int urgeDays,
    Duration overdueRepeat,
    String retryCycle,
    Duration recoveryInterval,
    Duration claimTimeout,
    String from,
    String publicUrl,
    Map<String, String> roleEmails,
    Map<String, String> webhooks) {

  public ReminderSettings {
    if (urgeDays >= approachingDays) {
      throw new IllegalArgumentException("duban.reminders.urge-days 须小于 approaching-days");
    }
    if (claimTimeout == null || claimTimeout.isNegative() || claimTimeout.isZero()) {
      throw new IllegalArgumentException("duban.reminders.claim-timeout 须为正的时长");
    }
    roleEmails = roleEmails == null ? Map.of() : Map.copyOf(roleEmails);
    webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
  }
}
