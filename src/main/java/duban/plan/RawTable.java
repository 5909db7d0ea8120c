package duban.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The table text cut into rows of cells, keeping line numbers for error messages.
 *
 * @param preamble text lines before the first row (附件1, the title)
 * @param rows runs of cell lines, i.e. lines starting with a tab, separated by blank lines
 * @param strayLines text lines after the first row that do not start with a tab
 */
record RawTable(List<Line> preamble, List<Row> rows, List<Line> strayLines) {

  /** A line of the text; for a cell, the content without the leading tab and surrounding blanks. */
  record Line(int number, String text) {}

  record Row(List<Line> cells) {

    boolean isBlank() {
      return cells.stream().allMatch(cell -> cell.text().isEmpty());
    }
  }

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
