package duban.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The input fields of a Camunda Form (.form JSON), keyed by variable name. */
public record FormSchema(String id, String executionPlatformVersion, Map<String, FormField> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "checkbox", "select", "radio", "datetime", "taglist", "checklist");
  private static final Set<String> DISPLAY_TYPES =
      Set.of("text", "spacer", "separator", "group", "html", "image");

  public static FormSchema read(InputStream in) {
    try {
      return of(JSON.readTree(in));
    } catch (IOException e) {
      throw new IllegalArgumentException("表单不是有效的 JSON: " + e.getMessage(), e);
    }
  }

  static FormSchema of(JsonNode form) {
    Map<String, FormField> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields, form.path("id").asText());
    return new FormSchema(form.path("id").asText(null), form.path("executionPlatformVersion").asText(null), fields);
  }

  private static void collect(JsonNode components, Map<String, FormField> fields, String formId) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (DISPLAY_TYPES.contains(type)) {
        collect(c.path("components"), fields, formId);
        continue;
      }
      if (c.path("disabled").asBoolean(false)) {
        // shown as plain text, never submitted by the form (form-js leaves disabled fields out), so never accepted
        continue;
      }
      if (!INPUT_TYPES.contains(type)) {
        throw new IllegalArgumentException("表单 " + formId + " 含有服务端无法校验的组件类型: " + type);
      }
      String key = c.path("key").asText();
      JsonNode v = c.path("validate");
      List<String> values = new ArrayList<>();
      c.path("values").forEach(option -> values.add(option.path("value").asText()));
      String hide = c.path("conditional").path("hide").asText(null);
      fields.put(key, new FormField(
          key,
          type,
          c.path("label").asText(key),
          v.path("required").asBoolean(false),
          v.has("minLength") ? v.get("minLength").asInt() : null,
          v.has("maxLength") ? v.get("maxLength").asInt() : null,
          v.has("min") ? v.get("min").asDouble() : null,
          v.has("max") ? v.get("max").asDouble() : null,
          values,
          c.path("valuesKey").asText(null),
          c.path("subtype").asText(null),
          hide == null ? null : Condition.parse(hide)));
    }
  }

  public Set<String> keys() {
    return fields.keySet();
  }
}
