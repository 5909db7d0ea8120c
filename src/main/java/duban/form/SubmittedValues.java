package duban.form;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Brings variables, typed or not, to plain Java values the validator understands. */
public final class SubmittedValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A submitted value of a type no form field stores (an Object, Bytes, File or Date value, Json that is not a list):
   * refused whatever the field, and never deserialised to find out what it is.
   */
  public record Foreign(String type) {}

  private SubmittedValues() {}

  /**
   * What a caller submitted, as the form's fields will store it: text, numbers and booleans as they are, Json lists
   * (Tasklist's taglists) as lists, anything else {@link Foreign}.
   */
  public static Map<String, Object> submitted(Map<String, ?> variables) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    variables.forEach((name, value) -> submitted.put(name, submitted(value)));
    return submitted;
  }

  private static Object submitted(Object value) {
    if (value instanceof JsonValue || value instanceof SpinJsonNode) {
      Object parsed = parseJson(value instanceof JsonValue json ? json.getValueSerialized() : value.toString());
      return parsed instanceof List<?> ? parsed : new Foreign("Json");
    }
    if (value instanceof TypedValue typed) {
      ValueType type = typed.getType();
      if (type == null || type == ValueType.STRING || type == ValueType.BOOLEAN || type == ValueType.NULL
          || type == ValueType.INTEGER || type == ValueType.LONG || type == ValueType.SHORT || type == ValueType.DOUBLE) {
        return submitted(typed.getValue());
      }
      return new Foreign(typeName(type));
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Double) {
      return value;
    }
    return new Foreign(value.getClass().getSimpleName());
  }

  private static String typeName(ValueType type) {
    String name = type.getName();
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The variables a task already has, read without deserialising any object value. */
  public static Map<String, Object> plain(Map<String, ?> variables) {
    Map<String, Object> plain = new LinkedHashMap<>();
    variables.forEach((name, value) -> plain.put(name, plain(value)));
    return plain;
  }

  static Object plain(Object value) {
    if (value instanceof JsonValue json) {
      return parseJson(json.getValueSerialized());
    }
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return new Foreign(typeName(serializable.getType()));
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

  /** A list as the Json value Tasklist submits for a taglist. */
  public static String toJson(List<?> list) {
    try {
      return JSON.writeValueAsString(list);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
