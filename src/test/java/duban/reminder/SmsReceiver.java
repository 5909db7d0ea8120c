package duban.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An SMS platform over HTTP: takes {"mobile", "content"} with HTTP Basic credentials, and can be down for a while. */
final class SmsReceiver implements HttpHandler {

  private final String authorization;
  private final List<Map<String, String>> messages = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger failures = new AtomicInteger();
  private final ObjectMapper json = new ObjectMapper();

  SmsReceiver(String user, String password) {
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      ReminderTest.answer(exchange, 401, "{\"code\":401,\"message\":\"bad credentials\"}");
      return;
    }
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ReminderTest.answer(exchange, 503, "{\"code\":503,\"message\":\"busy\"}");
      return;
    }
    messages.add(json.readValue(body, Map.class));
    ReminderTest.answer(exchange, 200, "{\"code\":0,\"message\":\"ok\"}");
  }

  void failNext(int n) {
    failures.set(n);
  }

  void clear() {
    messages.clear();
    failures.set(0);
  }

  List<Map<String, String>> messages() {
    return List.copyOf(messages);
  }
}
