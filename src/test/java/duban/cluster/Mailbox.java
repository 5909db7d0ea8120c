package duban.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM. It keeps one copy of a mail per recipient; {@link #sends()} folds
 * the copies back into the mails the application sent, by Message-ID, so that a notice sent twice shows as two.
 */
final class Mailbox implements AutoCloseable {

  /** One mail as sent: subject and text, with all its recipients. */
  record Sent(String messageId, String subject, String text) {}

  final int port = freePort();
  private final GreenMail smtp = new GreenMail(new ServerSetup(port, "localhost", "smtp"));

  Mailbox() {
    smtp.start();
  }

  String[] settings() {
    return new String[] {"--spring.mail.host=localhost", "--spring.mail.port=" + port};
  }

  List<Sent> sends() {
    Map<String, Sent> sent = new LinkedHashMap<>();
    try {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        sent.putIfAbsent(m.getMessageID(), new Sent(m.getMessageID(), m.getSubject(),
            String.valueOf(m.getContent()).replace("\r\n", "\n").strip()));
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    return new ArrayList<>(sent.values());
  }

  /** How many mails with this subject and text reached this address (one per Message-ID). */
  long timesSentTo(String address, String subject, String text) {
    String body = text.replace("\r\n", "\n").strip();
    Map<String, Boolean> ids = new LinkedHashMap<>();
    try {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address))
            && m.getSubject().equals(subject) && String.valueOf(m.getContent()).replace("\r\n", "\n").strip().equals(body)) {
          ids.put(m.getMessageID(), true);
        }
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    return ids.size();
  }

  /** How many times a mail with this subject and text is among {@code sends}. */
  static long timesSent(List<Sent> sends, String subject, String text) {
    String body = text.replace("\r\n", "\n").strip();
    return sends.stream().filter(s -> s.subject().equals(subject) && s.text().equals(body)).count();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
