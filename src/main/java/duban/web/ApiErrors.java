package duban.web;

import duban.form.SubmissionRejectedException;
import duban.form.TaskConflictException;
import duban.plan.PlanConflictException;
import duban.plan.PlanFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** duban's API errors, in the shape of the engine REST API's: a type and a message a user can act on. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(PlanFormatException.class)
  ResponseEntity<Map<String, Object>> malformedTable(PlanFormatException e) {
    Map<String, Object> body = body("PlanFormatException", e.getMessage());
    body.put("problems", e.problems());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(SubmissionRejectedException.class)
  ResponseEntity<Map<String, Object>> rejectedSubmission(SubmissionRejectedException e) {
    Map<String, Object> body = body("InvalidFormSubmission", e.getMessage());
    body.put("violations", e.violations());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(body("InvalidRequest", e.getMessage()));
  }

  @ExceptionHandler(PlanConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(PlanConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body("PlanConflict", e.getMessage()));
  }

  @ExceptionHandler(TaskConflictException.class)
  ResponseEntity<Map<String, Object>> taskConflict(TaskConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body("TaskConflict", e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body("NotFound", e.getMessage()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body("Forbidden", e.getMessage()));
  }

  static Map<String, Object> body(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }
}
