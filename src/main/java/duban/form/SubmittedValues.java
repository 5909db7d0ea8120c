package duban.form;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Brings submitted values, typed or not, to plain Java values the validator understands. */
final class SubmittedValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedValues() {}

  static Map<String, Object> plain(Map<String, ?> variables) {
    Map<String, Object> plain = new LinkedHashMap<>();
    variables.forEach((name, value) -> plain.put(name, plain(value)));
    return plain;
  }

  static Object plain(Object value) {
    if (value instanceof JsonValue json) {
      return parseJson(json.getValueSerialized());
    }
    if (value instanceof TypedValue typed) {
      return plain(typed.getValue());
    }
    if (value != null && value.getClass().getName().startsWith("org.camunda.spin")) {
      return parseJson(value.toString());
    }
    return value;
  }

  static Object parseJson(String json) {
    try {
      return json == null ? null : JSON.readValue(json, new TypeReference<Object>() {});
    } catch (Exception e) {
      return json;
    }
  }

  static String toJson(List<?> list) {
    try {
      return JSON.writeValueAsString(list);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
