package duban.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A group robot on localhost that enforces its limit as 钉钉 does, on the wall clock: more than {@code limit}
 * messages within any {@code window} are refused with errcode 130101 "send too fast".
 */
final class LimitedRobot implements AutoCloseable {

  private final HttpServer server;
  private final int limit;
  private final Duration window;
  private final Deque<Long> recent = new ArrayDeque<>();
  private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger refused = new AtomicInteger();

  LimitedRobot(int limit, Duration window) throws IOException {
    this.limit = limit;
    this.window = window;
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/robot", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      boolean ok;
      synchronized (recent) {
        long now = System.currentTimeMillis();
        while (!recent.isEmpty() && recent.peekFirst() <= now - window.toMillis()) {
          recent.pollFirst();
        }
        ok = recent.size() < limit;
        if (ok) {
          recent.addLast(now);
          accepted.add(body);
        } else {
          refused.incrementAndGet();
        }
      }
      byte[] answer = (ok ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":130101,\"errmsg\":\"send too fast\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/robot";
  }

  List<String> accepted() {
    return List.copyOf(accepted);
  }

  int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
