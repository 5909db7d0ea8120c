package duban.reminder;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reminder ladder and its delivery. Thresholds are in calendar days before the due date; step limits live in
 * {@code duban.limits} and count working days.
 */
@ConfigurationProperties("duban.reminders")
public record ReminderSettings(
    int approachingDays,
    int urgeDays,
    Duration overdueRepeat,
    String retryCycle,
    Duration recoveryInterval,
    String from,
    String publicUrl,
    Map<String, String> roleEmails,
    Map<String, String> webhooks) {

  public ReminderSettings {
    if (urgeDays >= approachingDays) {
      throw new IllegalArgumentException("duban.reminders.urge-days 须小于 approaching-days");
    }
    roleEmails = roleEmails == null ? Map.of() : Map.copyOf(roleEmails);
    webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
  }
}
