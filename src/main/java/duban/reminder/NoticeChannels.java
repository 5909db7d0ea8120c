package duban.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a notice by e-mail (spring.mail.*) and to the robot webhooks of its units, in the text-message shape both
 * 企业微信 and 钉钉 group robots accept. Without a mail server the notice is only logged, and start-up says so.
 */
@Component
class NoticeChannels {

  static final String MAIL = "mail";

  private static final Logger log = LoggerFactory.getLogger(NoticeChannels.class);

  private final JavaMailSender mail;
  private final Recipients recipients;
  private final ReminderSettings settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  NoticeChannels(ObjectProvider<JavaMailSender> mail, Recipients recipients, ReminderSettings settings) {
    this.mail = mail.getIfAvailable();
    this.recipients = recipients;
    this.settings = settings;
    if (this.mail == null) {
      log.warn("Mail is off: spring.mail.host is not set, so notices are recorded and logged but not e-mailed");
    }
  }

  /**
   * Sends the notice on every channel it has not yet been carried on: mail ({@value #MAIL}) and each unit's robot
   * webhook ({@code hook:<unit>}). Each channel that succeeds is reported to {@code done} before the next is tried, so
   * a failure or a crash further on does not make a later attempt repeat it.
   *
   * @return whether any channel carried the notice, now or before (false: recorded and logged only)
   */
  boolean send(Notice notice, Consumer<String> done) throws IOException, InterruptedException {
    log.info("Notice {} {} to {} cc {}: {}", notice.kind(), notice.businessKey(), notice.toUnits(), notice.ccUnits(),
        notice.subject());
    boolean carried = false;
    List<String> to = recipients.emails(notice.toUnits());
    if (mail != null && !to.isEmpty()) {
      if (!notice.channels().contains(MAIL)) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to.toArray(String[]::new));
        List<String> cc = new ArrayList<>(recipients.emails(notice.ccUnits()));
        cc.removeAll(to);
        message.setCc(cc.toArray(String[]::new));
        message.setSubject(notice.subject());
        message.setText(notice.body());
        mail.send(message);
        done.accept(MAIL);
      }
      carried = true;
    }
    for (String unit : notice.toUnits()) {
      var hook = recipients.webhook(unit);
      if (hook.isPresent()) {
        String channel = "hook:" + unit;
        if (!notice.channels().contains(channel)) {
          post(hook.get(), notice);
          done.accept(channel);
        }
        carried = true;
      }
    }
    return carried;
  }

  private void post(String url, Notice notice) throws IOException, InterruptedException {
    String body = json.writeValueAsString(Map.of("msgtype", "text",
        "text", Map.of("content", notice.subject() + "\n" + notice.body())));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("webhook " + url + " answered " + response.statusCode());
    }
  }
}
