package duban.unit;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the {@code units:} list of a unit directory file; checks the shape, not the meaning. */
final class UnitYaml {

  private static final Set<String> KEYS =
      Set.of("code", "name", "aliases", "kind", "email", "members", "needsDesignation");

  private UnitYaml() {}

  static List<Unit> read(InputStream in) {
    Object root;
    try {
      // SafeConstructor: the file is configuration, it must not instantiate arbitrary classes.
      root = new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (YAMLException e) {
      throw new IllegalStateException("单位目录不是合法的 YAML：" + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> top) || !(top.get("units") instanceof List<?> entries)) {
      throw new IllegalStateException("单位目录格式错误：缺少顶层 units 列表");
    }
    List<String> problems = new ArrayList<>();
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) instanceof Map<?, ?> entry) {
        units.add(new Entry(i + 1, entry, problems).toUnit());
      } else {
        problems.add("第" + (i + 1) + "项：应为包含 code、name 等字段的映射");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("单位目录格式错误：\n" + String.join("\n", problems));
    }
    return units;
  }

  /** One entry being read; reports type errors under a label naming the entry. */
  private static final class Entry {
    private final Map<?, ?> values;
    private final List<String> problems;
    private final String label;

    Entry(int position, Map<?, ?> values, List<String> problems) {
      this.values = values;
      this.problems = problems;
      this.label = values.get("code") instanceof String code
          ? "第" + position + "项（code: " + code + "）"
          : "第" + position + "项";
    }

    Unit toUnit() {
      values.keySet().stream()
          .filter(key -> !KEYS.contains(key))
          .forEach(key -> problems.add(label + "：未知字段 " + key));
      return new Unit(
          string("code"),
          string("name"),
          strings("aliases"),
          kind(),
          string("email"),
          strings("members"),
          Boolean.TRUE.equals(flag("needsDesignation")));
    }

    private String string(String key) {
      Object value = values.get(key);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      problems.add(label + "：字段 " + key + " 应为字符串，实为 " + value);
      return null;
    }

    private List<String> strings(String key) {
      Object value = values.get(key);
      if (value == null) {
        return List.of();
      }
      if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
        return list.stream().map(String.class::cast).toList();
      }
      problems.add(label + "：字段 " + key + " 应为字符串列表，实为 " + value);
      return List.of();
    }

    private Boolean flag(String key) {
      Object value = values.get(key);
      if (value == null || value instanceof Boolean) {
        return (Boolean) value;
      }
      problems.add(label + "：字段 " + key + " 应为 true 或 false，实为 " + value);
      return null;
    }

    private UnitKind kind() {
      String value = string("kind");
      if (value == null) {
        return null;
      }
      try {
        return UnitKind.valueOf(value);
      } catch (IllegalArgumentException e) {
        problems.add(label + "：未知的 kind " + value + "，可选 " + Arrays.toString(UnitKind.values()));
        return null;
      }
    }
  }
}
