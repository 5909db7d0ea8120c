package duban.plan;

import duban.plan.RawTable.Line;
import duban.plan.RawTable.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An Excel sheet cut into the intermediate table: every row of the sheet (the reader finds the header among them); a
 * merged region across the row is a section row, and the cells a region covers below its first row repeat its text.
 */
final class XlsxTable {

  private static final int HEADER_SEARCH_ROWS = 10;

  private XlsxTable() {}

  /**
   * @param sheetName the sheet to read, or null for the first one with a recognisable header
   * @throws PlanFileException for an unknown sheet name or a workbook without a header on any sheet
   */
  static RawTable read(XSSFWorkbook workbook, String sheetName) {
    DataFormatter formatter = new DataFormatter(java.util.Locale.CHINA);
    formatter.setUseCachedValuesForFormulaCells(true);
    Sheet sheet;
    if (sheetName != null && !sheetName.isBlank()) {
      sheet = workbook.getSheet(sheetName.strip());
      if (sheet == null) {
        throw new PlanFileException("工作簿中没有名为「" + sheetName.strip() + "」的工作表，现有：" + names(workbook));
      }
    } else {
      sheet = null;
      for (Sheet candidate : workbook) {
        if (hasHeader(candidate, formatter)) {
          sheet = candidate;
          break;
        }
      }
      if (sheet == null) {
        throw new PlanFileException("工作簿的各工作表（" + names(workbook) + "）中都找不到表头："
            + "表头应含 序号、具体措施、时间要求、牵头单位 等列；也可用 sheet 参数指定工作表");
      }
    }
    return new RawTable(List.of(), rows(sheet, formatter), List.of());
  }

  private static String names(XSSFWorkbook workbook) {
    List<String> names = new ArrayList<>();
    workbook.forEach(s -> names.add("「" + s.getSheetName() + "」"));
    return String.join("、", names);
  }

  private static boolean hasHeader(Sheet sheet, DataFormatter formatter) {
    for (int r = sheet.getFirstRowNum(); r >= 0 && r <= Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS); r++) {
      var row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      row.forEach(cell -> texts.add(text(cell, formatter)));
      if (ColumnRole.looksLikeHeader(texts)) {
        return true;
      }
    }
    return false;
  }

  private static List<Row> rows(Sheet sheet, DataFormatter formatter) {
    int width = 0;
    for (var row : sheet) {
      width = Math.max(width, row.getLastCellNum());
    }
    Map<Long, CellRangeAddress> regionAt = new HashMap<>();
    for (CellRangeAddress region : sheet.getMergedRegions()) {
      for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
        for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
          regionAt.put(key(r, c), region);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      var row = sheet.getRow(r);
      List<Line> cells = new ArrayList<>();
      boolean spansRow = false;
      for (int c = 0; c < width; c++) {
        CellRangeAddress region = regionAt.get(key(r, c));
        if (region == null) {
          cells.add(new Line(r + 1, text(row == null ? null : row.getCell(c), formatter)));
        } else if (region.getFirstRow() == r) {
          boolean topLeft = region.getFirstColumn() == c;
          if (topLeft && c == 0 && region.getLastColumn() >= width - 1 && width > 1) {
            spansRow = true;
          }
          cells.add(new Line(r + 1, topLeft ? topLeftText(sheet, region, formatter) : ""));
        } else {
          boolean first = region.getFirstColumn() == c;
          cells.add(new Line(r + 1, first ? topLeftText(sheet, region, formatter) : "", first));
        }
      }
      rows.add(new Row(spansRow ? List.of(cells.get(0)) : cells, spansRow));
    }
    return rows;
  }

  private static String topLeftText(Sheet sheet, CellRangeAddress region, DataFormatter formatter) {
    var row = sheet.getRow(region.getFirstRow());
    return text(row == null ? null : row.getCell(region.getFirstColumn()), formatter);
  }

  private static long key(int row, int column) {
    return ((long) row << 20) | column;
  }

  /** A cell as shown; a date typed as an Excel date reads as a Chinese date phrase, e.g. 2024年6月30日. */
  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
      return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
    return formatter.formatCellValue(cell).replace('\t', ' ').strip();
  }
}
