package duban.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request refused before the application sees it: a JSON body in the REST API's shape, and one log line. */
final class Refusal {

  private static final Logger log = LoggerFactory.getLogger(Refusal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Refusal() {}

  static void send(HttpServletRequest request, HttpServletResponse response, int status, String type, String message)
      throws IOException {
    log.info("Refused {} {} from {} with {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
        status, type);
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    // the rest of a refused body is not worth receiving
    response.setHeader("Connection", "close");
    response.setContentType("application/json;charset=UTF-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
