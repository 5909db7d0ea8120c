package duban.reminder;

import duban.reminder.FailureClass.Failure;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Text messages to responsible persons' mobiles, through the {@link SmsGateway} bean if one is defined, else
 * through the HTTP gateway when {@code duban.reminders.sms.url} is set; otherwise there is no SMS channel.
 */
@Component
class SmsChannel {

  /** Mainland SMS are billed per 70 characters; a reminder stays within two. */
  private static final int MAX_CHARS = 140;
  private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

  private final SmsGateway gateway;
  private final ReminderSettings.Sms settings;

  SmsChannel(ObjectProvider<SmsGateway> gateways, ReminderSettings settings) {
    this.settings = settings.sms();
    SmsGateway configured = gateways.getIfAvailable();
    if (configured == null && this.settings.url() != null && !this.settings.url().isBlank()) {
      configured = new HttpSmsGateway(this.settings);
    }
    this.gateway = configured;
    if (gateway == null) {
      log.info("SMS is off: no SmsGateway and duban.reminders.sms.url is not set");
    }
  }

  boolean enabled() {
    return gateway != null;
  }

  void send(String mobile, String subject) throws Failure, InterruptedException {
    String text = (settings.signature() == null ? "" : settings.signature()) + subject + "。请登录督办系统办理。";
    if (text.length() > MAX_CHARS) {
      text = text.substring(0, MAX_CHARS - 1) + "…";
    }
    try {
      gateway.send(mobile, text);
    } catch (SmsGateway.Rejected e) {
      throw new Failure(FailureClass.PERMANENT, "短信平台拒绝发送至 " + mobile + "：" + e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(FailureClass.TRANSIENT, "短信平台暂时无法发送至 " + mobile + "：" + e.getMessage(), e);
    }
  }
}
