package duban.reminder;

import duban.reminder.FailureClass.Failure;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of mails over one SMTP connection (JavaMailSender's batch send) and tells which failed and how,
 * by their SMTP reply codes. Without a mail server (spring.mail.host unset) there is no mail channel.
 */
@Component
class MailChannel {

  /** One mail to send: who, what, and a key the caller knows it by. */
  record Mail(String key, String to, String subject, String text) {}

  private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

  private final JavaMailSender sender;
  private final ReminderSettings settings;

  MailChannel(ObjectProvider<JavaMailSender> sender, ReminderSettings settings) {
    this.sender = sender.getIfAvailable();
    this.settings = settings;
    if (this.sender == null) {
      log.warn("Mail is off: spring.mail.host is not set, so notices are recorded and logged but not e-mailed");
    }
  }

  boolean enabled() {
    return sender != null;
  }

  /** Sends them all on one connection; returns the failures by key (empty: all were accepted). */
  Map<String, Failure> send(List<Mail> mails) {
    Map<Object, String> keys = new HashMap<>();
    MimeMessage[] messages = new MimeMessage[mails.size()];
    Map<String, Failure> failures = new HashMap<>();
    for (int i = 0; i < mails.size(); i++) {
      Mail mail = mails.get(i);
      try {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.to().split(","));
        helper.setSubject(mail.subject());
        helper.setText(mail.text());
        messages[i] = message;
        keys.put(message, mail.key());
      } catch (MessagingException e) {
        failures.put(mail.key(), new Failure(FailureClass.PERMANENT, "邮件无法生成（地址 " + mail.to() + "）：" + e.getMessage(), e));
      }
    }
    MimeMessage[] valid = java.util.Arrays.stream(messages).filter(m -> m != null).toArray(MimeMessage[]::new);
    if (valid.length == 0) {
      return failures;
    }
    try {
      sender.send(valid);
    } catch (MailSendException e) {
      if (e.getFailedMessages().isEmpty()) {
        for (MimeMessage m : valid) {
          failures.put(keys.get(m), classify(e));
        }
      }
      e.getFailedMessages().forEach((message, cause) -> failures.put(keys.get(message), classify(cause)));
    } catch (MailException e) {
      for (MimeMessage m : valid) {
        failures.put(keys.get(m), classify(e));
      }
    }
    return failures;
  }

  /** By the SMTP reply code found in the cause chain; none (a connection that failed or was lost): transient. */
  static Failure classify(Exception e) {
    int code = replyCode(e).orElse(0);
    Answers.Meaning meaning = Answers.smtp(code);
    String detail = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    return new Failure(meaning.kind(), meaning.explanation() + "：" + detail, e);
  }

  private static Optional<Integer> replyCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SMTPAddressFailedException a) {
        return Optional.of(a.getReturnCode());
      }
      if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
        return Optional.of(s.getReturnCode());
      }
      if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()) {
        Optional<Integer> next = replyCode(m.getNextException());
        if (next.isPresent()) {
          return next;
        }
      }
    }
    return Optional.empty();
  }
}
