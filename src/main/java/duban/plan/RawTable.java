package duban.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The one intermediate form of a task-division table, whatever file it came from: the text before the table, then
 * rows of cells. {@link PlanReader} interprets it (header, column roles, sections, time phrases); the readers of the
 * text layout, of Word ({@link DocxTable}) and of Excel ({@link XlsxTable}) only cut their format into it.
 *
 * @param preamble text before the table (附件1, the title), with its line or row numbers
 * @param rows the table's rows, header included
 * @param strayLines text lines of the text layout after the first row that do not start with a tab
 */
record RawTable(List<Line> preamble, List<Row> rows, List<Line> strayLines) {

  /**
   * A cell (or a preamble line): where it is for messages, and its text without surrounding blanks.
   *
   * @param number line of the text layout, or row of the Word table or Excel sheet (1-based)
   * @param continued the cell is merged with the one above (Word vMerge, an Excel region): it repeats that text
   */
  record Line(int number, String text, boolean continued) {

    Line(int number, String text) {
      this(number, text, false);
    }
  }

  /**
   * @param spansRow the row is one cell merged across the whole table, as section headings are
   */
  record Row(List<Line> cells, boolean spansRow) {

    Row(List<Line> cells) {
      this(cells, false);
    }

    boolean isBlank() {
      return cells.stream().allMatch(cell -> cell.text().isEmpty());
    }

    int number() {
      return cells.isEmpty() ? 0 : cells.get(0).number();
    }
  }

  /** The text layout: cells are lines starting with a tab, rows are runs of cells separated by blank lines. */
  static RawTable read(String text) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    if (normalized.startsWith("\uFEFF")) {
      normalized = normalized.substring(1);
    }
    List<Line> preamble = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    List<Line> stray = new ArrayList<>();
    List<Line> cells = new ArrayList<>();
    String[] lines = normalized.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      // A tab-only line is an empty cell, not a row separator: test the tab before blankness.
      if (line.startsWith("\t")) {
        cells.add(new Line(i + 1, line.substring(1).strip()));
        continue;
      }
      if (!cells.isEmpty()) {
        rows.add(new Row(List.copyOf(cells)));
        cells.clear();
      }
      if (!line.isBlank()) {
        (rows.isEmpty() ? preamble : stray).add(new Line(i + 1, line.strip()));
      }
    }
    if (!cells.isEmpty()) {
      rows.add(new Row(List.copyOf(cells)));
    }
    return new RawTable(preamble, rows, stray);
  }
}
