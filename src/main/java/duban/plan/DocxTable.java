package duban.plan;

import duban.plan.RawTable.Line;
import duban.plan.RawTable.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word table cut into the intermediate table: the paragraphs before it are the preamble; a cell merged across the
 * row (gridSpan) is a section row; a cell merged down (vMerge) repeats the cell above it.
 */
final class DocxTable {

  private DocxTable() {}

  /** @throws PlanFileException for a document without a table */
  static RawTable read(XWPFDocument document) {
    List<Line> preamble = new ArrayList<>();
    List<XWPFTable> tables = new ArrayList<>();
    Map<XWPFTable, List<Line>> preambles = new HashMap<>();
    int paragraph = 0;
    for (IBodyElement element : document.getBodyElements()) {
      if (element instanceof XWPFParagraph p) {
        paragraph++;
        String text = p.getText().strip();
        if (!text.isEmpty()) {
          preamble.add(new Line(paragraph, text));
        }
      } else if (element instanceof XWPFTable t) {
        tables.add(t);
        preambles.put(t, List.copyOf(preamble));
      }
    }
    if (tables.isEmpty()) {
      throw new PlanFileException("文档中没有表格：任务分工表应是 Word 文档中的一个表格");
    }
    // The task-division table is the first one with a header; a cover table (e.g. 附件 details) may precede it.
    XWPFTable table = tables.stream().filter(DocxTable::hasHeader).findFirst().orElse(tables.get(0));
    return new RawTable(preambles.get(table), rows(table), List.of());
  }

  private static boolean hasHeader(XWPFTable table) {
    return table.getRows().stream().limit(5)
        .anyMatch(row -> ColumnRole.looksLikeHeader(row.getTableCells().stream().map(DocxTable::text).toList()));
  }

  private static List<Row> rows(XWPFTable table) {
    List<Row> rows = new ArrayList<>();
    Map<Integer, String> above = new HashMap<>(); // grid column → text of the cell a vMerge continues
    int number = 0;
    for (XWPFTableRow row : table.getRows()) {
      number++;
      List<Line> cells = new ArrayList<>();
      List<XWPFTableCell> tableCells = row.getTableCells();
      int column = 0;
      for (XWPFTableCell cell : tableCells) {
        int span = gridSpan(cell);
        boolean continued = continuesAbove(cell);
        String text = continued ? above.getOrDefault(column, "") : text(cell);
        cells.add(new Line(number, text, continued));
        above.put(column, text);
        for (int extra = 1; extra < span; extra++) { // keep later cells under their headers
          cells.add(new Line(number, "", false));
          above.put(column + extra, "");
        }
        column += span;
      }
      boolean spansRow = tableCells.size() == 1 && column > 1;
      rows.add(new Row(spansRow ? List.of(cells.get(0)) : cells, spansRow));
    }
    return rows;
  }

  /** A cell's paragraphs, one per line; the reader decides whether a line break separates units. */
  private static String text(XWPFTableCell cell) {
    List<String> lines = new ArrayList<>();
    for (XWPFParagraph p : cell.getParagraphs()) {
      String text = p.getText().replace('\t', ' ').strip();
      if (!text.isEmpty()) {
        lines.add(text);
      }
    }
    return String.join("\n", lines);
  }

  private static int gridSpan(XWPFTableCell cell) {
    CTTcPr pr = cell.getCTTc().getTcPr();
    if (pr == null || !pr.isSetGridSpan() || pr.getGridSpan().getVal() == null) {
      return 1;
    }
    return Math.max(1, pr.getGridSpan().getVal().intValue());
  }

  /** vMerge without a value, or with "continue", continues the cell above; "restart" begins a merge. */
  private static boolean continuesAbove(XWPFTableCell cell) {
    CTTcPr pr = cell.getCTTc().getTcPr();
    if (pr == null || !pr.isSetVMerge()) {
      return false;
    }
    return !pr.getVMerge().isSetVal() || pr.getVMerge().getVal() == STMerge.CONTINUE;
  }
}
