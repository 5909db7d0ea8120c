package duban.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Variables set on migrated instances are plain values: text, numbers, true or false. */
final class Variables {

  private Variables() {}

  static Map<String, Object> checked(Map<String, ?> variables) {
    Map<String, Object> checked = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    variables.forEach((name, value) -> {
      if (name == null || name.isBlank()) {
        problems.add("变量名不能为空");
      } else if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
          || value instanceof Long || value instanceof Double) {
        checked.put(name, value);
      } else {
        problems.add("变量「" + name + "」的值须为文本、数字或 true/false，收到：" + value);
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
    return checked;
  }
}
