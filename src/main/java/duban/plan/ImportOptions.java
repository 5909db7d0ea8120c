package duban.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a caller may say about a table besides the file itself.
 *
 * @param columns header text → role key (number, item, measure, time, lead, supporting, ignore), overriding the
 *     recognition by header words; headers compare without blanks
 * @param defaultTime the time requirement of every row whose table has no time column (or an empty cell), e.g. 长期
 * @param year the plan year 年内 refers to, when the title does not state it
 * @param sheet the Excel sheet to read, by name; null for the first sheet with a header
 * @param fileName the uploaded file's name; the title of a table whose document has none
 */
public record ImportOptions(Map<String, String> columns, String defaultTime, Integer year, String sheet,
    String fileName) {

  public static final ImportOptions NONE = new ImportOptions(Map.of(), null, null, null, null);

  public ImportOptions {
    Map<String, String> normalized = new LinkedHashMap<>();
    if (columns != null) {
      columns.forEach((header, role) -> normalized.put(ColumnRole.normalize(header), role));
    }
    columns = Map.copyOf(normalized);
    defaultTime = defaultTime == null || defaultTime.isBlank() ? null : defaultTime.strip();
    if (year != null && (year < 2000 || year > 2100)) {
      throw new IllegalArgumentException("计划年度 year 应为 2000 到 2100 之间的年份，实为：" + year);
    }
  }
}
