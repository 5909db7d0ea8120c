package duban.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.supervision.SupervisionVariables;
import duban.supervision.Target;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A target as the office sends it ({text, value, upper, unit, comparator, perYear, dueBy}), checked field by field. */
final class TargetInput {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 500;
  private static final int MAX_UNIT = 20;
  private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile("[\\p{IsHan}\\p{L}%‰]+");

  private TargetInput() {}

  /** {"3": [target, …], …}: each task's list replaces the targets extracted from its measure. */
  static Map<Integer, List<Target>> corrections(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    JsonNode root = read(json, "targets 参数");
    if (!root.isObject()) {
      throw new IllegalArgumentException("targets 参数应为以任务序号为键的 JSON 对象，如 {\"3\":[{\"text\":…}]}");
    }
    Map<Integer, List<Target>> corrections = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      int number;
      try {
        number = Integer.parseInt(entry.getKey().strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("targets 参数的键应为任务序号，实为「" + entry.getKey() + "」");
      }
      corrections.put(number, list(entry.getValue(), "第 " + number + " 项任务"));
    }
    return corrections;
  }

  static Target one(String json) {
    return target(read(json, "量化目标"), "量化目标");
  }

  static List<Target> list(JsonNode node, String where) {
    if (!node.isArray()) {
      throw new IllegalArgumentException(where + "的量化目标应为 JSON 数组");
    }
    if (node.size() > SupervisionVariables.TARGET_SLOTS) {
      throw new IllegalArgumentException(where + "最多 " + SupervisionVariables.TARGET_SLOTS + " 个量化目标，实为 "
          + node.size() + " 个");
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      targets.add(target(node.get(i), where + "第 " + (i + 1) + " 个量化目标"));
    }
    return targets;
  }

  private static JsonNode read(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + "不是有效的 JSON");
    }
  }

  private static Target target(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + "应为 JSON 对象");
    }
    String text = text(node, "text");
    if (text == null) {
      throw new IllegalArgumentException(where + "缺少目标表述（text）");
    }
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw new IllegalArgumentException(where + "的目标表述（text）最多 " + MAX_TEXT + " 个字");
    }
    BigDecimal value = number(node, "value", where, "目标值（value）");
    if (value == null) {
      throw new IllegalArgumentException(where + "缺少目标值（value）");
    }
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(where + "的目标值（value）应大于 0，实为 " + value.toPlainString());
    }
    String unit = text(node, "unit");
    if (unit == null || unit.codePointCount(0, unit.length()) > MAX_UNIT) {
      throw new IllegalArgumentException(where + "缺少计量单位（unit，如 家、人、%），或超过 " + MAX_UNIT + " 个字");
    }
    if (!UNIT.matcher(unit).matches()) {
      // the unit is shown inside the report form's Markdown line: words and % only, no markup
      throw new IllegalArgumentException(where + "的计量单位（unit）只能是文字或 %，实为「" + unit + "」");
    }
    String comparator = text(node, "comparator");
    comparator = comparator == null ? "=" : comparator;
    if (!Target.COMPARATORS.contains(comparator)) {
      throw new IllegalArgumentException(where + "的比较方式（comparator）应为 >、≥、≈、=、≤ 或 range 之一，实为「"
          + comparator + "」");
    }
    BigDecimal upper = number(node, "upper", where, "区间上限（upper）");
    if ("range".equals(comparator) && (upper == null || upper.compareTo(value) <= 0)) {
      throw new IllegalArgumentException(where + "为区间目标，须给出大于目标值的区间上限（upper）");
    }
    if (!"range".equals(comparator) && upper != null) {
      throw new IllegalArgumentException(where + "不是区间目标（comparator 为 range），不应给出区间上限（upper）");
    }
    JsonNode perYear = node.path("perYear");
    if (!perYear.isMissingNode() && !perYear.isNull() && !perYear.isBoolean()) {
      throw new IllegalArgumentException(where + "的每年（perYear）应为 true 或 false");
    }
    LocalDate dueBy = null;
    String due = text(node, "dueBy");
    if (due != null) {
      try {
        dueBy = LocalDate.parse(due);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(where + "的完成时限（dueBy）不是有效日期（应为 yyyy-MM-dd），实为「" + due + "」");
      }
    }
    return new Target(text, Target.normal(value), upper == null ? null : Target.normal(upper), unit, comparator,
        perYear.asBoolean(false), dueBy);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
  }

  private static BigDecimal number(JsonNode node, String field, String where, String name) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    try {
      return new BigDecimal(value.asText().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + "的" + name + "应为数字，实为「" + value.asText() + "」");
    }
  }
}
