package duban.overview;

import duban.plan.Plan;
import duban.plan.PlanTask;
import duban.plan.Section;
import duban.plan.UnitRef;
import duban.supervision.TargetProgress;
import duban.unit.UnitDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 督办台账 as an .xlsx workbook: a 汇总 sheet with the counts, then one sheet per section with a row per task, laid
 * out to be printed on A4 landscape with the header repeated.
 */
class Ledger {

  static final List<String> HEADERS = List.of("序号", "主要内容", "具体措施", "牵头单位", "配合单位", "完成时限", "办理状态",
      "红黄绿灯", "最新进展", "备注", "量化目标进度");
  private static final int[] WIDTHS = {6, 20, 48, 22, 22, 14, 10, 8, 40, 24, 36};
  /** Rows above the header: the plan's title and the 截至日期 line. */
  static final int HEADER_ROW = 2;
  static final Map<Status, String> FILLS = Map.of(Status.RED, "FF4D4F", Status.YELLOW, "FFD666", Status.GREEN, "95DE64",
      Status.DONE, "D9D9D9");
  static final String PRIMARY_MARK = "（主办）";

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final UnitDirectory directory;
  private final XSSFCellStyle title;
  private final XSSFCellStyle subtitle;
  private final XSSFCellStyle header;
  private final XSSFCellStyle body;
  private final XSSFCellStyle centred;
  private final Map<Status, XSSFCellStyle> lights = new java.util.EnumMap<>(Status.class);

  Ledger(UnitDirectory directory) {
    this.directory = directory;
    XSSFFont bold = workbook.createFont();
    bold.setBold(true);
    XSSFFont big = workbook.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 16);
    title = workbook.createCellStyle();
    title.setFont(big);
    title.setAlignment(HorizontalAlignment.CENTER);
    subtitle = workbook.createCellStyle();
    subtitle.setAlignment(HorizontalAlignment.RIGHT);
    header = bordered();
    header.setFont(bold);
    header.setAlignment(HorizontalAlignment.CENTER);
    header.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xDD, (byte) 0xEB, (byte) 0xF7}));
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    body = bordered();
    centred = bordered();
    centred.setAlignment(HorizontalAlignment.CENTER);
    for (Status status : Status.values()) {
      XSSFCellStyle style = bordered();
      style.setAlignment(HorizontalAlignment.CENTER);
      style.setFillForegroundColor(new XSSFColor(rgb(FILLS.get(status))));
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      lights.put(status, style);
    }
  }

  /**
   * @param targets each task's targets with their progress on {@code asOf}, by task number
   * @param evidence how many 佐证材料 each task holds, by task number
   */
  byte[] write(Plan plan, OverviewFigures figures, List<OverviewTask> tasks, LocalDate asOf, String filterNote,
      Map<Integer, List<TargetProgress>> targets, Map<Integer, Integer> evidence) {
    summary(plan, figures, asOf, filterNote);
    for (Section section : plan.sections()) {
      List<OverviewTask> in = tasks.stream().filter(t -> sectionOf(plan, t) == section.number()).toList();
      section(plan, section, in, asOf, filterNote, targets, evidence);
    }
    try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void summary(Plan plan, OverviewFigures f, LocalDate asOf, String filterNote) {
    XSSFSheet sheet = workbook.createSheet("汇总");
    top(sheet, plan, asOf, filterNote, 7);
    int r = HEADER_ROW;
    r = table(sheet, r, List.of("项目", "任务数", "红灯", "黄灯", "绿灯", "已办结"), List.of(List.of("全部任务",
        f.tasks(), f.byStatus().get(Status.RED), f.byStatus().get(Status.YELLOW), f.byStatus().get(Status.GREEN),
        f.byStatus().get(Status.DONE))));
    List<List<Object>> sections = new ArrayList<>();
    f.bySection().forEach(s -> sections.add(List.of(s.title(), s.tasks(), s.byStatus().get(Status.RED),
        s.byStatus().get(Status.YELLOW), s.byStatus().get(Status.GREEN), s.byStatus().get(Status.DONE))));
    r = table(sheet, r + 1, List.of("部分", "任务数", "红灯", "黄灯", "绿灯", "已办结"), sections);
    List<List<Object>> units = new ArrayList<>();
    f.byUnit().forEach(u -> units.add(List.of(u.name(), u.tasks(), u.done(), u.doneOnTime(), u.overdue(), u.returns(),
        u.onTimeRate() == null ? "—" : Math.round(u.onTimeRate() * 1000) / 10.0 + "%")));
    table(sheet, r + 1, List.of("牵头单位", "牵头任务", "已办结", "按期办结", "逾期", "退回次数", "按期办结率"), units);
    sheet.setColumnWidth(0, 40 * 256);
    for (int c = 1; c < 7; c++) {
      sheet.setColumnWidth(c, 11 * 256);
    }
    print(sheet, HEADER_ROW);
  }

  private int table(XSSFSheet sheet, int r, List<String> headers, List<List<Object>> rows) {
    Row head = sheet.createRow(r++);
    for (int c = 0; c < headers.size(); c++) {
      cell(head, c, headers.get(c), header);
    }
    for (List<Object> values : rows) {
      Row row = sheet.createRow(r++);
      for (int c = 0; c < values.size(); c++) {
        Object v = values.get(c);
        if (v instanceof Number n) {
          Cell cell = row.createCell(c);
          cell.setCellValue(n.doubleValue());
          cell.setCellStyle(centred);
        } else {
          cell(row, c, String.valueOf(v), c == 0 ? body : centred);
        }
      }
    }
    return r;
  }

  private void section(Plan plan, Section section, List<OverviewTask> tasks, LocalDate asOf, String filterNote,
      Map<Integer, List<TargetProgress>> targets, Map<Integer, Integer> evidence) {
    String name = section.title().split("[，。,]", 2)[0];
    XSSFSheet sheet = workbook.createSheet(
        WorkbookUtil.createSafeSheetName(name.length() > 31 ? name.substring(0, 31) : name));
    top(sheet, plan, asOf, section.title() + (filterNote.isEmpty() ? "" : "　" + filterNote), HEADERS.size());
    Row head = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < HEADERS.size(); c++) {
      cell(head, c, HEADERS.get(c), header);
      sheet.setColumnWidth(c, WIDTHS[c] * 256);
    }
    int r = HEADER_ROW + 1;
    for (OverviewTask t : tasks) {
      PlanTask planTask = plan.tasks().stream().filter(p -> p.number() == t.number()).findFirst().orElse(null);
      Row row = sheet.createRow(r++);
      Cell number = row.createCell(0);
      number.setCellValue(t.number());
      number.setCellStyle(centred);
      cell(row, 1, planTask == null ? "" : itemTitle(plan, planTask), body);
      cell(row, 2, planTask == null ? t.stored().title() : planTask.measure(), body);
      cell(row, 3, leadUnits(t, planTask), body);
      cell(row, 4, supportingUnits(t, planTask), body);
      cell(row, 5, t.stored().longTerm() ? "长期（本期 " + t.dueDate() + "）" : String.valueOf(t.dueDate()), centred);
      cell(row, 6, t.stage().label(), centred);
      cell(row, 7, t.status().label(), lights.get(t.status()));
      cell(row, 8, progress(t), body);
      cell(row, 9, remarks(t, evidence.getOrDefault(t.number(), 0)), body);
      cell(row, 10, targetProgress(targets.getOrDefault(t.number(), List.of()), t.stored().closed() ? null : asOf), body);
    }
    sheet.createFreezePane(0, HEADER_ROW + 1);
    sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0, HEADERS.size() - 1));
    print(sheet, HEADER_ROW);
  }

  private void top(XSSFSheet sheet, Plan plan, LocalDate asOf, String note, int columns) {
    cell(sheet.createRow(0), 0, plan.title() + "督办台账", title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
    cell(sheet.createRow(1), 0, (note.isEmpty() ? "" : note + "　") + "截至日期：" + asOf, subtitle);
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
  }

  private static void print(XSSFSheet sheet, int headerRow) {
    PrintSetup setup = sheet.getPrintSetup();
    setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
    setup.setLandscape(true);
    setup.setFitWidth((short) 1);
    setup.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
  }

  private String leadUnits(OverviewTask t, PlanTask planTask) {
    List<String> names = t.stored().leadUnits().isEmpty() && planTask != null
        ? planTask.leadUnits().stream().map(UnitRef::name).toList()
        : t.stored().leadUnits().stream().map(u -> OverviewFigures.name(directory, u)).toList();
    List<String> marked = new ArrayList<>(names);
    if (!marked.isEmpty()) {
      marked.set(0, marked.get(0) + PRIMARY_MARK);
    }
    return String.join("\n", marked);
  }

  private String supportingUnits(OverviewTask t, PlanTask planTask) {
    List<String> names = t.stored().supportingUnits().isEmpty() && planTask != null
        ? planTask.supportingUnits().stream().map(UnitRef::name).toList()
        : t.stored().supportingUnits().stream().map(u -> OverviewFigures.name(directory, u)).toList();
    return names.isEmpty() ? "—" : String.join("\n", names);
  }

  static String progress(OverviewTask t) {
    StoredTask s = t.stored();
    if (s.reportedAt() == null) {
      return "尚未报送";
    }
    return s.reportedAt().toLocalDate() + " 报送：" + s.reportStatus() + "。" + s.reportSummary()
        + (s.achievedFigures() == null || s.achievedFigures().isBlank() ? "" : "（完成数据：" + s.achievedFigures() + "）");
  }

  /**
   * One line per target: the target, what was achieved and, where it lags its pace on {@code asOf} (null for a closed
   * task), by how much.
   */
  static String targetProgress(List<TargetProgress> targets, LocalDate asOf) {
    if (targets.isEmpty()) {
      return "—";
    }
    List<String> lines = new ArrayList<>();
    for (TargetProgress p : targets) {
      Double lag = asOf == null ? null : p.lagPoints(asOf);
      lines.add("目标 " + p.slot() + "：" + p.line()
          + (lag != null && lag > 0 ? "，落后进度 " + Math.round(lag * 10) / 10.0 + " 个百分点" : ""));
    }
    return String.join("\n", lines);
  }

  static String remarks(OverviewTask t, int evidenceFiles) {
    StoredTask s = t.stored();
    List<String> parts = new ArrayList<>();
    if (evidenceFiles > 0) {
      parts.add("佐证材料 " + evidenceFiles + " 件");
    }
    if (t.daysOverdue() > 0) {
      parts.add("已超期 " + t.daysOverdue() + " 天");
    }
    if (s.reviewRounds() > 0) {
      parts.add("退回 " + s.reviewRounds() + " 次");
    }
    if (s.extensionCount() > 0) {
      parts.add("已延期至 " + s.deadline());
    }
    if (s.reportedLate()) {
      parts.add("逾期报送");
    }
    if (s.toleranceOpen()) {
      parts.add("容错申请审查中");
    } else if (s.toleranceDetermination() != null) {
      parts.add("容错认定：" + s.toleranceDetermination().split("（", 2)[0]);
    }
    if (s.closed()) {
      parts.add(s.closedAt().toLocalDate() + " " + s.outcome());
    }
    return String.join("；", parts);
  }

  private static int sectionOf(Plan plan, OverviewTask t) {
    return plan.tasks().stream().filter(p -> p.number() == t.number()).mapToInt(PlanTask::sectionNumber).findFirst()
        .orElse(-1);
  }

  private static String itemTitle(Plan plan, PlanTask task) {
    return plan.items().stream().filter(i -> i.number() == task.itemNumber()).map(i -> i.title()).findFirst()
        .orElse("");
  }

  private static void cell(Row row, int column, String value, XSSFCellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private XSSFCellStyle bordered() {
    XSSFCellStyle style = workbook.createCellStyle();
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    style.setWrapText(true);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    return style;
  }

  private static byte[] rgb(String hex) {
    return new byte[] {(byte) Integer.parseInt(hex.substring(0, 2), 16),
        (byte) Integer.parseInt(hex.substring(2, 4), 16),
        (byte) Integer.parseInt(hex.substring(4, 6), 16)};
  }
}
