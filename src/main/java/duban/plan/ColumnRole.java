package duban.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a column of a task-division table holds, with the header words tables of the genre use for it. */
enum ColumnRole {
  NUMBER("序号", List.of("序号", "编号")),
  ITEM("主要内容", List.of("主要内容", "重点任务", "工作任务", "改革举措", "任务名称")),
  MEASURE("具体措施", List.of("具体措施", "工作措施", "任务内容", "主要内容")),
  TIME("时间要求", List.of("时间要求", "完成时限", "完成时间", "时间节点")),
  LEAD("牵头单位", List.of("牵头单位", "牵头部门", "责任单位", "指导部门")),
  SUPPORTING("配合单位", List.of("配合单位", "配合部门", "协办单位")),
  IGNORE("不导入", List.of());

  /** The header word that can mean the item heading in one table and the measure in another. */
  static final String AMBIGUOUS = "主要内容";

  private final String label;
  private final List<String> words;

  ColumnRole(String label, List<String> words) {
    this.label = label;
    this.words = words;
  }

  /** The Chinese column name used in problems, e.g. 时间要求. */
  String label() {
    return label;
  }

  @JsonValue
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A role by its key as callers write it in {@code columns}: number, item, measure, time, lead, supporting, ignore. */
  static Optional<ColumnRole> byKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key().equals(key == null ? null : key.strip())).findFirst();
  }

  /** Header text with every blank removed, so "主 要 内 容" is 主要内容. */
  static String normalize(String header) {
    return header == null ? "" : header.replaceAll("[\\s\\u3000]+", "");
  }

  /** The roles whose words the header is or starts with (牵头单位（部门） is 牵头单位); empty for any other header. */
  static List<ColumnRole> candidates(String header) {
    String text = normalize(header);
    if (text.isEmpty()) {
      return List.of();
    }
    List<ColumnRole> exact = Arrays.stream(values()).filter(r -> r.words.contains(text)).toList();
    if (!exact.isEmpty()) {
      return exact;
    }
    return Arrays.stream(values()).filter(r -> r.words.stream().anyMatch(text::startsWith)).toList();
  }

  /** How many cells of a row read as known headers; a header row has at least three. */
  static int headerScore(List<String> cells) {
    return (int) cells.stream().filter(c -> !candidates(c).isEmpty()).count();
  }

  static boolean looksLikeHeader(List<String> cells) {
    return headerScore(cells) >= 3;
  }
}
