package duban.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand, for what {@code HttpClient} will not send: a declared length the body never reaches, or a
 * chunked body. The answer is read as soon as the server gives one.
 */
final class RawHttp {

  record Answer(int status, String head, String body) {}

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** Declares {@code declaredLength} bytes and sends only {@code sentBytes} of them before reading the answer. */
  Answer declaring(String method, String path, String headers, long declaredLength, int sentBytes) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      String type = headers.toLowerCase(java.util.Locale.ROOT).contains("content-type:") ? ""
          : "Content-Type: application/json\r\n";
      out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + type + headers
          + "Content-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int sent = 0; sent < sentBytes; sent += chunk.length) {
        out.write(chunk);
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** Sends a JSON object {"nameLike": "xxx…"} of about {@code bytes} bytes in chunks, then reads the answer. */
  Answer chunked(String method, String path, String headers, int bytes) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + headers
          + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      chunk(out, "{\"nameLike\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] filler = new byte[16 * 1024];
      java.util.Arrays.fill(filler, (byte) 'x');
      try {
        for (int sent = 0; sent < bytes; sent += filler.length) {
          chunk(out, filler);
        }
        chunk(out, "\"}".getBytes(StandardCharsets.UTF_8));
        out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException serverStoppedReading) {
        // the server may answer and close before the whole body is sent; its answer is still there to read
      }
      return read(socket.getInputStream());
    }
  }

  private static void chunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the head and as many body bytes as it declares; a refusal may leave the connection open. */
  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int split = -1;
    long expected = -1;
    try {
      for (int b; (b = in.read()) >= 0; ) {
        bytes.write(b);
        if (split < 0 && bytes.size() >= 4 && bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
          split = bytes.size();
          expected = contentLength(bytes.toString(StandardCharsets.ISO_8859_1));
        }
        if (split >= 0 && expected >= 0 && bytes.size() - split >= expected) {
          break;
        }
      }
    } catch (IOException reset) {
      // a server that closes while our body is still arriving may reset the connection after its answer
      if (split < 0) {
        throw reset;
      }
    }
    byte[] all = bytes.toByteArray();
    String head = new String(all, 0, split < 0 ? all.length : split - 4, StandardCharsets.ISO_8859_1);
    String body = split < 0 ? "" : new String(all, split, all.length - split, StandardCharsets.UTF_8);
    return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).trim());
      }
    }
    return -1;
  }
}
