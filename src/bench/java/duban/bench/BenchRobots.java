package duban.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One group robot per unit (a path per unit on one local HTTP server), each enforcing 20 messages in any minute as
 * 钉钉 does: beyond that it answers errcode 130101. Counts what it accepted and refused.
 */
final class BenchRobots implements AutoCloseable {

  private static final int LIMIT = 20;
  private static final long WINDOW_MILLIS = 60_000;

  private final HttpServer server;
  private final Map<String, Deque<Long>> recent = new HashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  BenchRobots() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/robot/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      String unit = exchange.getRequestURI().getPath().substring("/robot/".length());
      boolean ok;
      synchronized (recent) {
        Deque<Long> sends = recent.computeIfAbsent(unit, k -> new ArrayDeque<>());
        long now = System.currentTimeMillis();
        while (!sends.isEmpty() && sends.peekFirst() <= now - WINDOW_MILLIS) {
          sends.pollFirst();
        }
        ok = sends.size() < LIMIT;
        if (ok) {
          sends.addLast(now);
        }
      }
      (ok ? accepted : refused).incrementAndGet();
      byte[] body = (ok ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":130101,\"errmsg\":\"send too fast\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  /** duban.reminders.webhooks.<unit> for every unit of the shipped directory and the supervision office. */
  Map<String, String> settings() throws IOException {
    Map<String, String> settings = new HashMap<>();
    Matcher codes = Pattern.compile("(?m)^\\s*- code: (\\w+)").matcher(Files.readString(Path.of("seeds", "units.yaml")));
    String base = "http://localhost:" + server.getAddress().getPort() + "/robot/";
    while (codes.find()) {
      settings.put("duban.reminders.webhooks." + codes.group(1), base + codes.group(1));
    }
    settings.put("duban.reminders.webhooks.supervision", base + "supervision");
    return settings;
  }

  int accepted() {
    return accepted.get();
  }

  int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
