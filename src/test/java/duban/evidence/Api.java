package duban.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** duban's API over real HTTP as a client sends it: HTTP Basic, multipart uploads, and raw sockets for cut-off bodies. */
final class Api {

  static final String BOUNDARY = "----dubanEvidenceBoundary7MA4YWxkTrZu0gW";

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  Api(int port) {
    this.port = port;
  }

  HttpResponse<byte[]> upload(String user, String taskId, String fileName, String contentType, byte[] content)
      throws IOException, InterruptedException {
    return send(user, HttpRequest.newBuilder(uri("/api/tasks/" + taskId + "/evidence"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName, contentType, content))));
  }

  HttpResponse<byte[]> get(String user, String path) throws IOException, InterruptedException {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<byte[]> delete(String user, String path) throws IOException, InterruptedException {
    return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
  }

  HttpResponse<byte[]> json(String user, String method, String path, String json) throws IOException, InterruptedException {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<byte[]> post(String user, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpResponse<byte[]> send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  static byte[] multipart(String fileName, String contentType, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(partHead(fileName, contentType));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static byte[] partHead(String fileName, String contentType) {
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Sends the head of an upload declaring {@code declaredLength} body bytes, then only {@code sent} of them, then
   * (if {@code hangUp}) closes its side as a dropped connection does. Returns what the server answered until it
   * closed the connection; without hanging up, an answer proves the server did not wait for the rest of the body.
   */
  String rawUpload(String user, String taskId, long declaredLength, byte[] sent, boolean hangUp) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/tasks/" + taskId + "/evidence HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
          + "Authorization: " + basic(user) + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
          + "Content-Length: " + declaredLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(sent);
      out.flush();
      if (hangUp) {
        socket.shutdownOutput();
      }
      return readResponse(socket.getInputStream());
    }
  }

  /** One response: its head, then as many body bytes as its Content-Length says (or until the server closes). */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        break;
      }
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return headers + new String(body, StandardCharsets.UTF_8);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
