package duban.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The import's refusals, in duban's error shape; before the general handlers, which know PlanFormatException. A
 * multipart body over the servlet's limit is answered for every upload by the web layer.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanErrors {

  @ExceptionHandler(PlanRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(PlanRejectedException e) {
    Map<String, Object> body = body("PlanRejected", e.getMessage());
    body.put("problems", e.problems());
    body.put("unknownUnits", e.unknownUnits());
    return ResponseEntity.unprocessableEntity().body(body);
  }

  @ExceptionHandler(PlanFileException.class)
  ResponseEntity<Map<String, Object>> unreadable(PlanFileException e) {
    HttpStatus status = e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).body(body(e.tooLarge() ? "FileTooLarge" : "UnreadableFile", e.getMessage()));
  }

  private static Map<String, Object> body(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }
}
