package duban.plan;

import duban.plan.PlanFormatException.Problem;
import duban.plan.RawTable.Line;
import duban.plan.RawTable.Row;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one table. Holds the state of a single run (current section and item, numbers seen)
 * and collects every problem instead of stopping at the first.
 */
final class PlanReader {

  private static final List<String> HEADER = List.of("序号", "主要内容", "具体措施", "时间要求", "牵头单位", "配合单位");
  private static final int LEAD = 4;
  private static final int SUPPORT = 5;
  private static final Pattern ATTACHMENT = Pattern.compile("附件\\s*\\d*");
  private static final Pattern SECTION = Pattern.compile("([一二三四五六七八九十]+)、\\s*(\\S.*)");
  private static final Pattern ITEM = Pattern.compile("[（(](\\d{1,4})[）)]\\s*(\\S.*)");
  private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{0,5}");
  private static final String SEPARATOR = "、";
  // Tables end lists with "、等相关单位" or glue it to the last name; it names no unit.
  private static final String NOISE = "等相关单位";

  private final UnitDirectory directory;
  private final String planCode;
  private final List<LocatedProblem> problems = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private final List<Item> items = new ArrayList<>();
  private final List<PlanTask> tasks = new ArrayList<>();
  private final Map<Integer, Integer> lineByNumber = new HashMap<>();
  private Section section;
  private Item item; // the item empty item cells continue; null until the section names one
  // Each cause is reported once, not again for every row it affects.
  private boolean orphanTaskReported;
  private boolean missingItemReported;
  private Integer expectedNumber = 1; // null after an unreadable 序号: the sequence is unknown
  private int taskRows;

  PlanReader(UnitDirectory directory, String planCode) {
    this.directory = directory;
    this.planCode = planCode;
  }

  Plan read(RawTable table) {
    String title = title(table.preamble());
    for (Line line : table.strayLines()) {
      problem(line, null, "表格", "单元格所在行应以制表符开头：「" + abbreviate(line.text()) + "」");
    }
    List<Row> rows = table.rows();
    for (Row row : rows.subList(headerRows(rows), rows.size())) {
      if (row.isBlank()) {
        continue;
      }
      List<Line> cells = row.cells();
      if (cells.size() == 1 && !NUMBER.matcher(cells.get(0).text()).matches()) {
        readSection(cells.get(0));
      } else {
        readTask(cells);
      }
    }
    if (taskRows == 0) {
      problem(null, null, "表格", "表格中没有任务行");
    }
    if (!problems.isEmpty()) {
      throw new PlanFormatException(problems.stream()
          .sorted(Comparator.comparingInt(LocatedProblem::line))
          .map(LocatedProblem::problem)
          .toList());
    }
    return new Plan(planCode, title, sections, items, tasks);
  }

  private String title(List<Line> preamble) {
    Optional<Line> title = preamble.stream()
        .filter(line -> !ATTACHMENT.matcher(line.text()).matches())
        .findFirst();
    if (title.isEmpty()) {
      problem(null, null, "标题", "缺少标题行（应在表头之前）");
    }
    return title.map(Line::text).orElse(null);
  }

  /** How many leading rows form the header: 1, or 0 when it is missing. */
  private int headerRows(List<Row> rows) {
    if (rows.isEmpty()) {
      problem(null, null, "表头", "缺少表头行「" + String.join(" ", HEADER) + "」");
      return 0;
    }
    List<Line> cells = rows.get(0).cells();
    List<String> texts = cells.stream().map(Line::text).toList();
    if (texts.equals(HEADER)) {
      return 1;
    }
    if (texts.get(0).equals(HEADER.get(0))) {
      problem(cells.get(0), null, "表头",
          "表头应为「" + String.join(" ", HEADER) + "」，实为「" + String.join(" ", texts) + "」");
      return 1;
    }
    problem(cells.get(0), null, "表头", "缺少表头行「" + String.join(" ", HEADER) + "」");
    return 0;
  }

  private void readSection(Line cell) {
    Matcher heading = SECTION.matcher(cell.text());
    int number = heading.matches() ? ChineseNumerals.parse(heading.group(1)) : -1;
    if (number < 0) {
      problem(cell, null, "章节", "无法识别的章节标题「" + abbreviate(cell.text()) + "」，应形如“一、标题”");
      return;
    }
    int expected = section == null ? 1 : section.number() + 1;
    if (number != expected) {
      problem(cell, null, "章节", "章节编号「" + heading.group(1) + "」不连续，应为第 " + expected + " 章");
    }
    section = new Section(number, heading.group(2));
    sections.add(section);
    item = null; // an empty item cell never continues an item of the previous section
    missingItemReported = false;
  }

  private void readTask(List<Line> cells) {
    taskRows++;
    int problemsBefore = problems.size();
    Line numberCell = cells.get(0);
    Integer number = number(numberCell);
    if (cells.size() < LEAD + 1 || cells.size() > HEADER.size()) {
      columnCountProblem(cells.size(), numberCell, number);
      return;
    }
    if (section == null && !orphanTaskReported) {
      problem(numberCell, number, "章节", "任务出现在第一个章节标题之前");
      orphanTaskReported = true;
    }
    Item taskItem = item(cells.get(1), number);
    String measure = cells.get(2).text();
    if (measure.isEmpty()) {
      problem(cells.get(2), number, "具体措施", "具体措施为空");
    }
    LocalDate deadline = deadline(cells.get(3), number);
    List<UnitRef> leads = units(cells.get(LEAD), number, true);
    List<UnitRef> supports = cells.size() > SUPPORT ? units(cells.get(SUPPORT), number, false) : List.of();
    // A missing section or item may have been reported on an earlier row only.
    if (problems.size() == problemsBefore && section != null && taskItem != null) {
      tasks.add(new PlanTask(number, section.number(), taskItem.number(), measure,
          cells.get(3).text(), deadline, leads, supports));
    }
  }

  private Integer number(Line cell) {
    if (!NUMBER.matcher(cell.text()).matches()) {
      problem(cell, null, "序号", "序号「" + abbreviate(cell.text()) + "」不是正整数");
      expectedNumber = null;
      return null;
    }
    int number = Integer.parseInt(cell.text());
    Integer earlier = lineByNumber.putIfAbsent(number, cell.number());
    if (earlier != null) {
      problem(cell, number, "序号", "序号 " + number + " 与第" + earlier + "行重复");
    } else if (expectedNumber != null && number != expectedNumber) {
      problem(cell, number, "序号", "序号不连续，应为 " + expectedNumber);
    }
    expectedNumber = number + 1;
    return number;
  }

  private void columnCountProblem(int count, Line numberCell, Integer number) {
    if (count > HEADER.size()) {
      problem(numberCell, number, "表格", "该行有 " + count + " 个单元格，最多 " + HEADER.size() + " 个");
    } else {
      // Which cell is absent cannot be known; name the first column missing by position.
      String missing = HEADER.get(count);
      problem(numberCell, number, missing,
          "缺少列：该行只有 " + count + " 个单元格，应为 5 或 6 个，按位置缺少「" + missing + "」");
    }
  }

  /** The item a row belongs to; an empty cell continues the item above in the same section. */
  private Item item(Line cell, Integer number) {
    if (cell.text().isEmpty()) {
      // Without a section the orphan-task problem already covers this row.
      if (item == null && section != null && !missingItemReported) {
        problem(cell, number, "主要内容", "主要内容为空，但本章节中没有可沿用的上一项主要内容");
        missingItemReported = true;
      }
      return item;
    }
    Matcher heading = ITEM.matcher(cell.text());
    if (!heading.matches()) {
      problem(cell, number, "主要内容", "主要内容「" + abbreviate(cell.text()) + "」应以（编号）开头");
      item = null;
      missingItemReported = true; // rows continuing this item share the cause
      return null;
    }
    int sectionNumber = section == null ? 0 : section.number();
    int itemNumber = Integer.parseInt(heading.group(1));
    if (items.stream().anyMatch(i -> i.sectionNumber() == sectionNumber && i.number() == itemNumber)) {
      problem(cell, number, "主要内容", "主要内容编号（" + itemNumber + "）在本章节中重复");
    }
    item = new Item(itemNumber, heading.group(2), sectionNumber);
    items.add(item);
    missingItemReported = false;
    return item;
  }

  private LocalDate deadline(Line cell, Integer number) {
    try {
      return TimeRequirements.deadline(cell.text()).orElse(null);
    } catch (IllegalArgumentException e) {
      problem(cell, number, "时间要求", e.getMessage());
      return null;
    }
  }

  private List<UnitRef> units(Line cell, Integer number, boolean lead) {
    String field = HEADER.get(lead ? LEAD : SUPPORT);
    List<String> names = writtenNames(cell.text());
    if (lead && names.isEmpty()) {
      problem(cell, number, field, "牵头单位为空");
    }
    List<UnitRef> refs = new ArrayList<>();
    for (String name : names) {
      Optional<Unit> unit = directory.byName(name);
      if (unit.isEmpty()) {
        problem(cell, number, field, "单位「" + name + "」不在单位目录中");
      } else if (refs.stream().anyMatch(ref -> ref.code().equals(unit.get().code()))) {
        problem(cell, number, field, "单位「" + name + "」重复");
      } else {
        Unit found = unit.get();
        refs.add(new UnitRef(name, found.code(), directory.expand(found.code()), found.needsDesignation()));
      }
    }
    return refs;
  }

  private static List<String> writtenNames(String cell) {
    List<String> names = new ArrayList<>();
    for (String part : cell.split(SEPARATOR)) {
      String name = part.strip();
      if (name.endsWith(NOISE)) {
        name = name.substring(0, name.length() - NOISE.length()).strip();
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  private static String abbreviate(String text) {
    return text.length() <= 30 ? text : text.substring(0, 30) + "…";
  }

  /**
   * @param line where the problem is; null for the whole text
   * @param number the task number (序号) of the row, if known
   */
  private void problem(Line line, Integer number, String field, String message) {
    String row = line == null
        ? "全文"
        : "第" + line.number() + "行" + (number == null ? "" : "（序号 " + number + "）");
    problems.add(new LocatedProblem(line == null ? 0 : line.number(), new Problem(row, field, message)));
  }

  /** A problem with its line, so the report can list problems in text order. */
  private record LocatedProblem(int line, Problem problem) {}
}
