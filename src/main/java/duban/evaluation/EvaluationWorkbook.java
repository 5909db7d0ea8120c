package duban.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** 结果考评 as an Excel workbook: one sheet per role, ranked, with every part in its own column. */
final class EvaluationWorkbook {

  private EvaluationWorkbook() {}

  static byte[] write(String planTitle, Evaluation evaluation) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle header = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setWrapText(true);
      sheet(book, header, "牵头单位考评", planTitle, evaluation, evaluation.units());
      sheet(book, header, "配合单位考评", planTitle, evaluation, evaluation.supportingUnits());
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sheet(XSSFWorkbook book, CellStyle header, String name, String planTitle, Evaluation e,
      List<Evaluation.UnitScore> units) {
    Sheet sheet = book.createSheet(name);
    sheet.createRow(0).createCell(0).setCellValue(planTitle + " 结果考评（" + e.periodLabel() + "，截至 " + e.asOf() + "）");
    List<String> parts = units.isEmpty() ? List.of() : units.get(0).parts().stream().map(Evaluation.Part::label).toList();
    Row head = sheet.createRow(1);
    List<String> columns = new java.util.ArrayList<>(List.of("名次", "单位", "得分"));
    units.stream().findFirst().ifPresent(u -> u.parts().forEach(p -> columns.add(p.label() + "（满分" + fmt(p.max()) + "）")));
    columns.addAll(List.of("任务数", "容错免责（不扣分）", "容错认定"));
    for (int i = 0; i < columns.size(); i++) {
      head.createCell(i).setCellValue(columns.get(i));
      head.getCell(i).setCellStyle(header);
    }
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    int r = 2;
    for (Evaluation.UnitScore u : units) {
      Row row = sheet.createRow(r++);
      int c = 0;
      row.createCell(c++).setCellValue(u.rank());
      row.createCell(c++).setCellValue(u.name());
      row.createCell(c++).setCellValue(u.score());
      for (Evaluation.Part p : u.parts()) {
        row.createCell(c++).setCellValue(p.points());
      }
      row.createCell(c++).setCellValue(u.tasks());
      row.createCell(c++).setCellValue(u.exempted());
      row.createCell(c).setCellValue(String.join("；", u.notes()));
    }
    sheet.createFreezePane(0, 2);
    sheet.setColumnWidth(1, 30 * 256);
    for (int i = 2; i < columns.size(); i++) {
      sheet.setColumnWidth(i, 14 * 256);
    }
    sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    sheet.getPrintSetup().setLandscape(true);
    sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, columns.size() - 1));
    if (parts.isEmpty()) {
      sheet.createRow(r).createCell(0).setCellValue("无");
    }
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
