package duban.reminder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server (RFC 5321) that refuses chosen recipients: some with 450 (mailbox busy) a given number of
 * times, some always with 550 (no such mailbox). GreenMail cannot answer so.
 */
final class FakeSmtp implements AutoCloseable {

  private final ServerSocket server;
  private final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
  private final List<String> unknown;
  private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
  private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  FakeSmtp(int port, Map<String, Integer> busyTimes, List<String> unknown) throws IOException {
    this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    busyTimes.forEach((address, times) -> busy.put(address, new AtomicInteger(times)));
    this.unknown = List.copyOf(unknown);
    this.acceptor = new Thread(this::accept, "fake-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        connections.incrementAndGet();
        converse(socket);
      } catch (IOException closed) {
        // the server was closed, or the client went away
      }
    }
  }

  private void converse(Socket socket) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    reply(out, "220 fake ESMTP");
    List<String> recipients = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase();
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        reply(out, "250 fake");
      } else if (command.startsWith("MAIL FROM")) {
        recipients.clear();
        reply(out, "250 2.1.0 OK");
      } else if (command.startsWith("RCPT TO")) {
        String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
        if (unknown.contains(address)) {
          refusals.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
          reply(out, "550 5.1.1 <" + address + ">: mailbox unavailable");
        } else if (busy.containsKey(address) && busy.get(address).getAndDecrement() > 0) {
          refusals.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
          reply(out, "450 4.2.1 <" + address + ">: mailbox busy, try again later");
        } else {
          recipients.add(address);
          reply(out, "250 2.1.5 OK");
        }
      } else if (command.equals("DATA")) {
        reply(out, "354 go ahead");
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // the message itself
        }
        delivered.addAll(recipients);
        reply(out, "250 2.0.0 queued");
      } else if (command.startsWith("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "250 OK"); // RSET, NOOP
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  List<String> delivered() {
    return List.copyOf(delivered);
  }

  int refusals(String address) {
    return refusals.getOrDefault(address, new AtomicInteger()).get();
  }

  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
