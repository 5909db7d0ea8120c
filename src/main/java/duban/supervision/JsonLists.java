package duban.supervision;

import java.util.ArrayList;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/** Reads the list a taglist submitted (a Json variable) as unit codes. */
final class JsonLists {

  private JsonLists() {}

  static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(e -> strings.add(e.isString() ? e.stringValue() : e.prop("value").stringValue()));
    } else if (value instanceof List<?> list) {
      list.forEach(e -> strings.add(String.valueOf(e)));
    }
    return strings;
  }
}
