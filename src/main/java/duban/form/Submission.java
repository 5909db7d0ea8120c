package duban.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a user submitted for a task, next to the variables the task already sees. */
public record Submission(String taskId, String taskName, Map<String, Object> submitted, Map<String, Object> current) {

  /** The value a field will have after the submit: the submitted one, or the current one. */
  public Object value(String key) {
    return submitted.containsKey(key) ? submitted.get(key) : current.get(key);
  }

  public String text(String key) {
    Object value = value(key);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String key) {
    Object value = value(key);
    return value instanceof List<?> list ? (List<String>) list : List.of();
  }

  Map<String, Object> merged() {
    Map<String, Object> merged = new HashMap<>(current);
    merged.putAll(submitted);
    return merged;
  }
}
