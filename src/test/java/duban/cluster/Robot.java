package duban.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A group robot's webhook (企业微信/钉钉 style) on localhost that holds the first request it gets until told to let
 * go, and then drops it unanswered: a sender that is killed meanwhile never learns whether it arrived. Every later
 * request is answered at once.
 */
final class Robot implements AutoCloseable {

  private final HttpServer server;
  private final CountDownLatch firstArrived = new CountDownLatch(1);
  private final CountDownLatch letGo = new CountDownLatch(1);
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger answered = new AtomicInteger();
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

  Robot() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/robot", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      if (received.incrementAndGet() == 1) {
        firstArrived.countDown();
        try {
          letGo.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close(); // no answer
        return;
      }
      byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
      answered.incrementAndGet();
    });
    server.start();
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/robot";
  }

  boolean awaitFirst(long seconds) throws InterruptedException {
    return firstArrived.await(seconds, TimeUnit.SECONDS);
  }

  void letGoOfFirst() {
    letGo.countDown();
  }

  int received() {
    return received.get();
  }

  int answered() {
    return answered.get();
  }

  List<String> bodies() {
    return List.copyOf(bodies);
  }

  @Override
  public void close() {
    letGo.countDown();
    server.stop(0);
  }
}
