package duban.plan;

import duban.plan.PlanFormatException.Problem;
import duban.plan.RawTable.Line;
import duban.plan.RawTable.Row;
import duban.plan.Reading.Draft;
import duban.plan.Reading.UnknownUnit;
import duban.plan.TimeRequirements.Timing;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets one intermediate table, whatever file it came from: finds the header and the role of each column, then
 * reads section rows and task rows. Holds the state of a single run (current section and item, numbers seen) and
 * collects every problem instead of stopping at the first.
 */
final class PlanReader {

  private static final int HEADER_SEARCH_ROWS = 6;
  private static final Pattern ATTACHMENT = Pattern.compile("附件\\s*\\d*\\s*[：:]?");
  static final Pattern PLAN_YEAR = Pattern.compile("计划年度[：:]\\s*(\\d{4})");
  private static final Pattern TITLE_YEAR = Pattern.compile("(20\\d{2})\\s*年");
  private static final Pattern SECTION =
      Pattern.compile("([一二三四五六七八九十]+)\\s*[、.．]\\s*(\\S.*)", Pattern.DOTALL);
  private static final Pattern SECTION_COUNT = Pattern.compile("\\s*[（(]\\s*共\\s*(\\d+)\\s*(?:项|条)\\s*[）)]\\s*$");
  private static final Pattern ITEM = Pattern.compile("[（(](\\d{1,4})[）)]\\s*(\\S.*)", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("([1-9]\\d{0,5})[.、．]?");
  private static final Pattern LEAD_MARK = Pattern.compile("[（(]\\s*牵头\\s*[）)]");
  private static final Pattern UNIT_SEPARATOR = Pattern.compile("[、，,；;\\n]+");
  // Tables end lists with "、等相关单位" or glue it to the last name; it names no unit.
  private static final String NOISE = "等相关单位";

  private final UnitDirectory directory;
  private final String planCode;
  private final ImportOptions options;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private final List<Item> items = new ArrayList<>();
  private final List<PlanTask> tasks = new ArrayList<>();
  private final List<Draft> drafts = new ArrayList<>();
  private final Map<String, UnknownUnit> unknown = new LinkedHashMap<>();
  private final Map<Integer, Integer> rowByNumber = new HashMap<>();
  private final Map<ColumnRole, Integer> columnOf = new EnumMap<>(ColumnRole.class);
  private final Map<String, String> columns = new LinkedHashMap<>();
  private int headerWidth;
  private Integer year;
  private Section section;
  private int sectionRow;
  private int sectionTasks;
  private Integer sectionCount;
  private Item item; // the item empty item cells continue; null until the section names one
  private String itemText;
  // Each cause is reported once, not again for every row it affects.
  private boolean orphanTaskReported;
  private boolean missingItemReported;
  private Integer expectedNumber = 1; // null after an unreadable 序号: the sequence is unknown
  private int taskRows;

  PlanReader(UnitDirectory directory, String planCode, ImportOptions options) {
    this.directory = directory;
    this.planCode = planCode;
    this.options = options;
  }

  Reading read(RawTable table) {
    for (Line line : table.strayLines()) {
      error(line.number(), null, "表格", "单元格所在行应以制表符开头：「" + abbreviate(line.text()) + "」");
    }
    List<Row> rows = table.rows();
    int header = headerRow(rows);
    List<Line> preamble = new ArrayList<>(table.preamble());
    rows.subList(0, Math.max(header, 0)).stream()
        .map(r -> new Line(r.number(), String.join(" ", r.cells().stream().map(Line::text)
            .filter(t -> !t.isEmpty()).toList())))
        .filter(l -> !l.text().isEmpty())
        .forEach(preamble::add);
    String title = title(preamble);
    year = year(preamble, title);
    if (header >= 0 && columns(rows.get(header))) {
      List<String> headerTexts = texts(rows.get(header));
      for (Row row : rows.subList(header + 1, rows.size())) {
        if (row.isBlank() || texts(row).equals(headerTexts)) { // a header repeated on every page
          continue;
        }
        if (isSection(row)) {
          readSection(row);
        } else {
          readTask(row);
        }
      }
      endSection();
      if (taskRows == 0) {
        error(null, null, "表格", "表格中没有任务行");
      }
    }
    problems.sort(Comparator.comparing((Problem p) -> !p.isError())
        .thenComparing(p -> p.row() == null ? 0 : p.row()));
    boolean clean = problems.stream().noneMatch(Problem::isError);
    Plan plan = clean ? new Plan(planCode, title, sections, items, tasks) : null;
    return new Reading(title, year, columns, drafts, problems, List.copyOf(unknown.values()), plan);
  }

  // ---------------------------------------------------------------- title, year, header

  private String title(List<Line> preamble) {
    Optional<Line> title = preamble.stream()
        .filter(line -> !ATTACHMENT.matcher(line.text()).matches() && !PLAN_YEAR.matcher(line.text()).find())
        .findFirst();
    if (title.isPresent()) {
      return title.get().text().replace('\n', ' ');
    }
    if (options.fileName() != null && !options.fileName().isBlank()) {
      String name = options.fileName().replaceAll("\\.[A-Za-z]{3,4}$", "").strip();
      warning(null, null, "标题", "文档在表格前没有标题，以文件名「" + name + "」作标题");
      return name;
    }
    error(null, null, "标题", "缺少标题行（应在表头之前）");
    return null;
  }

  private Integer year(List<Line> preamble, String title) {
    if (options.year() != null) {
      return options.year();
    }
    for (Line line : preamble) {
      Matcher stated = PLAN_YEAR.matcher(line.text());
      if (stated.find()) {
        return Integer.parseInt(stated.group(1));
      }
    }
    Matcher inTitle = title == null ? null : TITLE_YEAR.matcher(title);
    return inTitle != null && inTitle.find() ? Integer.parseInt(inTitle.group(1)) : null;
  }

  private int headerRow(List<Row> rows) {
    for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
      List<String> texts = texts(rows.get(i));
      long named = texts.stream().filter(t -> options.columns().containsKey(ColumnRole.normalize(t))).count();
      if (ColumnRole.looksLikeHeader(texts) || named >= 2) {
        return i;
      }
    }
    Integer at = rows.isEmpty() ? null : rows.get(0).number();
    error(at, null, "表头", "找不到表头行：表头应含 序号、主要内容、具体措施、时间要求、牵头单位、配合单位 等列名");
    return -1;
  }

  /** Decides each column's role; false if the table cannot be read with them. */
  private boolean columns(Row header) {
    int row = header.number();
    List<Line> cells = header.cells();
    headerWidth = cells.size();
    Map<Integer, ColumnRole> roles = new LinkedHashMap<>();
    List<Integer> ambiguous = new ArrayList<>();
    Map<String, String> overrides = new HashMap<>(options.columns());
    int errorsBefore = errorCount();
    for (int i = 0; i < cells.size(); i++) {
      String key = ColumnRole.normalize(cells.get(i).text());
      String override = overrides.remove(key);
      if (override != null) {
        Optional<ColumnRole> role = ColumnRole.byKey(override);
        if (role.isEmpty()) {
          error(row, null, "表头", "columns 参数中「" + key + "」的角色「" + override
              + "」无效，可选 number、item、measure、time、lead、supporting、ignore");
        }
        roles.put(i, role.orElse(ColumnRole.IGNORE));
        continue;
      }
      List<ColumnRole> candidates = ColumnRole.candidates(key);
      if (candidates.contains(ColumnRole.ITEM) && candidates.contains(ColumnRole.MEASURE)) {
        ambiguous.add(i);
      }
      roles.put(i, candidates.isEmpty() ? ColumnRole.IGNORE : candidates.get(0));
    }
    overrides.keySet().forEach(key ->
        error(row, null, "表头", "columns 参数中的表头「" + key + "」不在表格中"));
    // 主要内容 is the item heading beside a measure column, and the measure where no other column is.
    boolean otherMeasure = roles.entrySet().stream()
        .anyMatch(e -> e.getValue() == ColumnRole.MEASURE && !ambiguous.contains(e.getKey()));
    ambiguous.forEach(i -> roles.put(i, otherMeasure ? ColumnRole.ITEM : ColumnRole.MEASURE));
    roles.forEach((i, role) -> {
      columns.put(cells.get(i).text().isEmpty() ? "（第" + (i + 1) + "列）" : ColumnRole.normalize(cells.get(i).text()),
          role.key());
      if (role == ColumnRole.IGNORE) {
        return;
      }
      Integer earlier = columnOf.putIfAbsent(role, i);
      if (earlier != null) {
        error(row, null, "表头", "「" + cells.get(earlier).text() + "」和「" + cells.get(i).text() + "」都识别为「"
            + role.label() + "」列：请用 columns 参数指定各列的角色");
      }
    });
    for (ColumnRole required : List.of(ColumnRole.MEASURE, ColumnRole.LEAD)) {
      if (!columnOf.containsKey(required)) {
        error(row, null, "表头", "缺少「" + required.label() + "」列");
      }
    }
    if (!columnOf.containsKey(ColumnRole.TIME)) {
      if (options.defaultTime() == null) {
        error(row, null, "表头", "缺少「时间要求」列：可用 defaultTime 参数为全部任务指定时间要求（如 长期）");
      } else {
        warning(row, null, "表头", "表格没有「时间要求」列，全部任务按「" + options.defaultTime() + "」");
      }
    }
    if (!columnOf.containsKey(ColumnRole.NUMBER)) {
      warning(row, null, "表头", "表格没有「序号」列，任务按行的顺序编号");
    }
    if (columnOf.containsKey(ColumnRole.LEAD) && !columnOf.containsKey(ColumnRole.SUPPORTING)) {
      warning(row, null, "表头", "表格只有一列「" + cells.get(columnOf.get(ColumnRole.LEAD)).text()
          + "」：标（牵头）的单位牵头，没有标注时列第一位者牵头，其余单位配合");
    }
    return errorCount() == errorsBefore;
  }

  // ---------------------------------------------------------------- sections

  private boolean isSection(Row row) {
    if (row.spansRow()) {
      return true;
    }
    List<Line> filled = row.cells().stream().filter(c -> !c.text().isEmpty()).toList();
    if (row.cells().size() == 1) {
      return !NUMBER.matcher(row.cells().get(0).text()).matches();
    }
    return filled.size() == 1 && !filled.get(0).continued() && SECTION.matcher(filled.get(0).text()).matches();
  }

  private void readSection(Row row) {
    endSection();
    Line cell = row.cells().stream().filter(c -> !c.text().isEmpty()).findFirst().orElse(row.cells().get(0));
    String text = cell.text().replace("\n", "");
    Matcher count = SECTION_COUNT.matcher(text);
    sectionCount = null;
    if (count.find()) {
      sectionCount = Integer.parseInt(count.group(1));
      text = text.substring(0, count.start());
    }
    Matcher heading = SECTION.matcher(text);
    int expected = section == null ? 1 : section.number() + 1;
    int number;
    String title;
    if (heading.matches() && ChineseNumerals.parse(heading.group(1)) > 0) {
      number = ChineseNumerals.parse(heading.group(1));
      title = heading.group(2).strip();
    } else if (row.spansRow() && !text.isBlank()) {
      number = expected; // a merged heading row without 一、: numbered in order
      title = text.strip();
    } else {
      error(cell.number(), null, "章节", "无法识别的章节标题「" + abbreviate(text) + "」，应形如“一、标题”");
      return;
    }
    int taken = number;
    if (sections.stream().anyMatch(s -> s.number() == taken)) {
      error(cell.number(), null, "章节", "章节编号「" + ChineseNumerals.format(number) + "」重复");
    } else if (number != expected) {
      warning(cell.number(), null, "章节",
          "章节编号「" + ChineseNumerals.format(number) + "」不连续，应为第 " + expected + " 章（删节版可忽略）");
    }
    section = new Section(number, title);
    sections.add(section);
    sectionRow = cell.number();
    sectionTasks = 0;
    item = null; // an empty item cell never continues an item of the previous section
    itemText = null;
    missingItemReported = false;
  }

  private void endSection() {
    if (section == null) {
      return;
    }
    if (sectionTasks == 0) {
      warning(sectionRow, null, "章节", "章节「" + section.title() + "」下没有任务");
    } else if (sectionCount != null && sectionCount != sectionTasks) {
      warning(sectionRow, null, "章节", "章节标注共" + sectionCount + "项，表中有 " + sectionTasks + " 项");
    }
  }

  // ---------------------------------------------------------------- tasks

  private void readTask(Row row) {
    taskRows++;
    sectionTasks++;
    int errorsBefore = errorCount();
    List<Line> cells = row.cells();
    int at = row.number();
    Integer number = number(cell(cells, ColumnRole.NUMBER), at);
    if (cells.size() > headerWidth && cells.subList(headerWidth, cells.size()).stream()
        .anyMatch(c -> !c.text().isEmpty())) {
      error(at, number, "表格", "该行有 " + cells.size() + " 个单元格，最多 " + headerWidth + " 个");
    }
    int lead = columnOf.getOrDefault(ColumnRole.LEAD, 0);
    if (cells.size() <= lead) {
      // Which cell is absent cannot be known; name the first column missing by position.
      ColumnRole missing = columnOf.entrySet().stream().filter(e -> e.getValue() == cells.size())
          .map(Map.Entry::getKey).findFirst().orElse(ColumnRole.LEAD);
      error(at, number, missing.label(), "缺少列：该行只有 " + cells.size() + " 个单元格，应为 " + (lead + 1) + " 到 "
          + headerWidth + " 个，按位置缺少「" + missing.label() + "」");
      drafts.add(new Draft(at, number, sectionTitle(), null, null, null, null, null, List.of(), List.of(), List.of()));
      return;
    }
    if (section == null && !orphanTaskReported) {
      error(at, number, "章节", "任务出现在第一个章节标题之前");
      orphanTaskReported = true;
    }
    Line itemCell = cell(cells, ColumnRole.ITEM);
    Item taskItem = item(itemCell, itemCell == null ? at : itemCell.number(), number);
    Line measureCell = cell(cells, ColumnRole.MEASURE);
    String measure = measureCell == null ? "" : measureCell.text().replace("\n", "");
    if (measure.isEmpty()) {
      error(measureCell == null ? at : measureCell.number(), number, "具体措施", "具体措施为空");
    }
    Line timeCell = cell(cells, ColumnRole.TIME);
    String timeText = timeCell == null || timeCell.text().isEmpty() ? options.defaultTime()
        : timeCell.text().replace('\n', '；');
    Timing timing = timing(timeText, timeCell == null ? at : timeCell.number(), number);
    List<UnitRef> leads;
    List<UnitRef> supports;
    if (columnOf.containsKey(ColumnRole.SUPPORTING)) {
      leads = units(cell(cells, ColumnRole.LEAD), at, number, "牵头单位", true);
      supports = units(cell(cells, ColumnRole.SUPPORTING), at, number, "配合单位", false);
    } else {
      List<UnitRef> all = units(cell(cells, ColumnRole.LEAD), at, number, "牵头单位", true);
      List<String> marked = marked(cell(cells, ColumnRole.LEAD));
      leads = marked.isEmpty() ? all.stream().limit(1).toList()
          : all.stream().filter(r -> marked.contains(r.name())).toList();
      supports = all.stream().filter(r -> !leads.contains(r)).toList();
    }
    drafts.add(new Draft(at, number, sectionTitle(), taskItem == null ? null : taskItem.title(),
        measure.isEmpty() ? null : measure, timeText, timing == null ? null : timing.deadline(),
        timing == null ? null : timing.cycle(), timing == null ? List.of() : timing.milestones(), leads, supports));
    // A missing section or item may have been reported on an earlier row only.
    if (errorCount() == errorsBefore && section != null && taskItem != null && number != null && timing != null) {
      tasks.add(new PlanTask(number, section.number(), taskItem.number(), measure, timeText, timing.deadline(),
          leads, supports, timing.cycle(), timing.milestones()));
    }
  }

  private String sectionTitle() {
    return section == null ? null : section.title();
  }

  private Line cell(List<Line> cells, ColumnRole role) {
    Integer index = columnOf.get(role);
    return index == null || index >= cells.size() ? null : cells.get(index);
  }

  private Integer number(Line cell, int at) {
    if (!columnOf.containsKey(ColumnRole.NUMBER)) {
      return taskRows;
    }
    String text = cell == null ? "" : cell.text();
    Matcher matcher = NUMBER.matcher(text);
    if (!matcher.matches()) {
      error(at, null, "序号", text.isEmpty() ? "序号为空" : "序号「" + abbreviate(text) + "」不是正整数");
      expectedNumber = null;
      return null;
    }
    int number = Integer.parseInt(matcher.group(1));
    Integer earlier = rowByNumber.putIfAbsent(number, at);
    if (earlier != null) {
      error(at, number, "序号", "序号 " + number + " 与第" + earlier + "行重复");
    } else if (expectedNumber != null && number != expectedNumber) {
      warning(at, number, "序号", "序号不连续，应为 " + expectedNumber + "（删节版可忽略）");
    }
    expectedNumber = number + 1;
    return number;
  }

  /** The item a row belongs to; an empty or merged cell continues the item above in the same section. */
  private Item item(Line cell, int at, Integer number) {
    if (!columnOf.containsKey(ColumnRole.ITEM)) {
      // No item column: each section is one item under its own title.
      if (section != null && (item == null || item.sectionNumber() != section.number())) {
        item = new Item(nextItemNumber(), section.title(), section.number());
        items.add(item);
      }
      return item;
    }
    String text = cell == null ? "" : cell.text().replace("\n", "");
    if (text.isEmpty() || (cell.continued() && item != null && text.equals(itemText))) {
      // Without a section the orphan-task problem already covers this row.
      if (item == null && section != null && !missingItemReported) {
        error(at, number, "主要内容", "主要内容为空，但本章节中没有可沿用的上一项主要内容");
        missingItemReported = true;
      }
      return item;
    }
    int sectionNumber = section == null ? 0 : section.number();
    Matcher heading = ITEM.matcher(text);
    int itemNumber;
    String title;
    if (heading.matches()) {
      itemNumber = Integer.parseInt(heading.group(1));
      title = heading.group(2).strip();
      if (items.stream().anyMatch(i -> i.sectionNumber() == sectionNumber && i.number() == itemNumber)) {
        error(at, number, "主要内容", "主要内容编号（" + itemNumber + "）在本章节中重复");
      }
    } else {
      itemNumber = nextItemNumber();
      title = text;
    }
    item = new Item(itemNumber, title, sectionNumber);
    itemText = text;
    items.add(item);
    missingItemReported = false;
    return item;
  }

  private int nextItemNumber() {
    return items.stream().mapToInt(Item::number).max().orElse(0) + 1;
  }

  private Timing timing(String text, int at, Integer number) {
    if (text == null || text.isBlank()) {
      error(at, number, "时间要求", "时间要求为空" + (columnOf.containsKey(ColumnRole.TIME) ? ""
          : "：可用 defaultTime 参数指定"));
      return null;
    }
    try {
      return TimeRequirements.read(text, year);
    } catch (IllegalArgumentException e) {
      error(at, number, "时间要求", e.getMessage());
      return null;
    }
  }

  private List<UnitRef> units(Line cell, int row, Integer number, String field, boolean lead) {
    int at = cell == null ? row : cell.number();
    List<String> names = writtenNames(cell == null ? "" : cell.text());
    if (lead && names.isEmpty()) {
      error(at, number, field, "牵头单位为空");
    }
    List<UnitRef> refs = new ArrayList<>();
    for (String name : names) {
      Optional<Unit> unit = directory.byName(name);
      if (unit.isEmpty()) {
        error(at, number, field, "单位「" + name + "」不在单位目录中");
        unknown.computeIfAbsent(name, n -> new UnknownUnit(n, directory.closest(n, 3).stream().map(Unit::code)
            .toList()));
        refs.add(new UnitRef(name, null, List.of(), false));
      } else if (refs.stream().anyMatch(ref -> unit.get().code().equals(ref.code()))) {
        error(at, number, field, "单位「" + name + "」重复");
      } else {
        Unit found = unit.get();
        refs.add(new UnitRef(name, found.code(), directory.expand(found.code()), found.needsDesignation()));
      }
    }
    return refs;
  }

  private static List<String> marked(Line cell) {
    List<String> marked = new ArrayList<>();
    if (cell != null) {
      for (String part : UNIT_SEPARATOR.split(cell.text())) {
        if (LEAD_MARK.matcher(part).find()) {
          marked.add(clean(part));
        }
      }
    }
    return marked;
  }

  private static List<String> writtenNames(String cell) {
    List<String> names = new ArrayList<>();
    for (String part : UNIT_SEPARATOR.split(cell)) {
      String name = clean(part);
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  private static String clean(String part) {
    String name = LEAD_MARK.matcher(part).replaceAll("").strip();
    if (name.endsWith(NOISE)) {
      name = name.substring(0, name.length() - NOISE.length()).strip();
    }
    return name;
  }

  private static List<String> texts(Row row) {
    return row.cells().stream().map(Line::text).toList();
  }

  private static String abbreviate(String text) {
    return text.length() <= 30 ? text : text.substring(0, 30) + "…";
  }

  private int errorCount() {
    return (int) problems.stream().filter(Problem::isError).count();
  }

  private void error(Integer row, Integer number, String field, String message) {
    problems.add(Problem.error(row, number, field, message));
  }

  private void warning(Integer row, Integer number, String field, String message) {
    problems.add(Problem.warning(row, number, field, message));
  }
}
