package duban.reminder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A group robot that enforces its limit as 钉钉 does: more than {@code limit} messages within any {@code window}
 * (on the engine's clock, which the test moves) are refused with errcode 130101 "send too fast".
 */
final class PacedRobot implements HttpHandler {

  private final int limit;
  private final Duration window;
  private final Deque<Long> recent = new ArrayDeque<>();
  private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger refused = new AtomicInteger();

  PacedRobot(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  @Override
  public synchronized void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long now = ClockUtil.getCurrentTime().getTime();
    while (!recent.isEmpty() && recent.peekFirst() <= now - window.toMillis()) {
      recent.pollFirst();
    }
    if (recent.size() >= limit) {
      refused.incrementAndGet();
      ReminderTest.answer(exchange, 200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
      return;
    }
    recent.addLast(now);
    accepted.add(body);
    ReminderTest.answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
  }

  synchronized void clear() {
    recent.clear();
    accepted.clear();
    refused.set(0);
  }

  List<String> accepted() {
    return List.copyOf(accepted);
  }

  int refused() {
    return refused.get();
  }
}
