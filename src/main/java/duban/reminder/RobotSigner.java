package duban.reminder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 钉钉 加签: the robot accepts a message only with {@code timestamp} (ms) and {@code sign} =
 * Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded, and only within an hour of its own clock.
 */
final class RobotSigner {

  private RobotSigner() {}

  static String sign(String secret, long timestampMillis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The webhook URL with the signature of this moment appended. */
  static String signedUrl(String url, String secret, long timestampMillis) {
    return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
        + URLEncoder.encode(sign(secret, timestampMillis), StandardCharsets.UTF_8);
  }
}
