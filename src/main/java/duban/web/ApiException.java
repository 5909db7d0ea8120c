package duban.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal a user can act on, raised by a feature and answered by {@link ApiErrors} (duban's API) and
 * {@link EngineApiErrors} (the engine's REST API) in one shape: the HTTP status, a type, a Chinese message and the
 * feature's details. Features extend it, so this package knows none of them.
 */
public abstract class ApiException extends RuntimeException {

  private final int status;
  private final String type;

  protected ApiException(int status, String type, String message) {
    this(status, type, message, null);
  }

  protected ApiException(int status, String type, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.type = type;
  }

  public int status() {
    return status;
  }

  /** Extra fields of the answer, such as a form's violations or a table's problems. */
  protected Map<String, Object> details() {
    return Map.of();
  }

  /** The answer's body: type, message, then the details. */
  public Map<String, Object> body() {
    Map<String, Object> body = body(type, getMessage());
    body.putAll(details());
    return body;
  }

  static Map<String, Object> body(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }
}
