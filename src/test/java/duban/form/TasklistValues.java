package duban.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/** Form values as Tasklist submits them: lists (taglists, checklists) as Json variables, the rest as they are. */
public final class TasklistValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TasklistValues() {}

  /** The REST body Tasklist posts to submit-form: lists as Json variables, everything else untyped. */
  public static String body(Map<String, ?> values) {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      if (value instanceof List<?> list) {
        variable.put("type", "Json");
        variable.put("value", SubmittedValues.toJson(list));
      } else {
        variable.set("value", JSON.valueToTree(value));
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object> of(Map<String, ?> values) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    values.forEach((name, value) -> submitted.put(name,
        value instanceof List<?> list ? SpinValues.jsonValue(SubmittedValues.toJson(list)).create() : value));
    return submitted;
  }
}
