package duban.reminder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a 钉钉 robot with 加签 checks a request, written from 钉钉's documentation independently of duban's signer:
 * {@code timestamp} within an hour of its own clock, and {@code sign} equal to
 * Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
 */
final class DingTalkSignature {

  private static final Duration WINDOW = Duration.ofHours(1);

  private DingTalkSignature() {}

  /** Null if the request passes; else the body 钉钉 answers. */
  static String check(String rawQuery, String secret, long nowMillis) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    String timestamp = params.get("timestamp");
    String sign = params.get("sign");
    if (timestamp == null || sign == null) {
      return refusal("sign not match");
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return refusal("invalid timestamp");
    }
    if (Math.abs(nowMillis - ts) > WINDOW.toMillis()) {
      return refusal("invalid timestamp");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      byte[] given = Base64.getDecoder().decode(sign);
      return MessageDigest.isEqual(expected, given) ? null : refusal("sign not match");
    } catch (IllegalArgumentException e) {
      return refusal("sign not match");
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String refusal(String why) {
    return "{\"errcode\":310000,\"errmsg\":\"" + why + "\"}";
  }
}
