package duban.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/** Form values as Tasklist submits them: lists (taglists, checklists) as Json variables, the rest as they are. */
public final class TasklistValues {

  private TasklistValues() {}

  public static Map<String, Object> of(Map<String, ?> values) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    values.forEach((name, value) -> submitted.put(name,
        value instanceof List<?> list ? SpinValues.jsonValue(SubmittedValues.toJson(list)).create() : value));
    return submitted;
  }
}
