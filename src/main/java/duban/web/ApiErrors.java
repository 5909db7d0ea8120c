package duban.web;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** duban's API errors, in the shape of the engine REST API's: a type and a message a user can act on. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> refused(ApiException e) {
    return ResponseEntity.status(e.status()).body(e.body());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(ApiException.body("InvalidRequest", e.getMessage()));
  }
}
