package duban.reminder;

import java.io.IOException;

/**
 * Where text messages go: {@link HttpSmsGateway} posts to an HTTP platform; a government SMS platform or a cloud
 * SMS SDK can take its place as another bean of this type.
 */
public interface SmsGateway {

  /**
   * Sends one text. Throw {@link Rejected} when the platform refused it for good (bad credentials, a number it does
   * not serve): an incident, not retried soon. Any {@link IOException} is taken as transient and retried.
   */
  void send(String mobile, String text) throws IOException, Rejected, InterruptedException;

  /** A refusal that trying again will not cure. */
  final class Rejected extends Exception {
    public Rejected(String message) {
      super(message);
    }
  }
}
