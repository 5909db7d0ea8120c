package duban.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Real .docx and .xlsx task-division tables written with POI, in the layouts offices publish: a title above the
 * table, section rows merged across the table, item cells merged down over their tasks.
 *
 * <p>A table is a header and rows; a row of one cell is a section heading; an empty cell in the item column under a
 * filled one is merged with it (Word vMerge, an Excel region) when {@code mergeItems} is set.
 */
public final class TableFixtures {

  /** A table as offices write it. */
  public record Table(List<String> preamble, List<String> header, List<List<String>> rows, int itemColumn) {

    public Table withHeader(List<String> header) {
      return new Table(preamble, header, rows, itemColumn);
    }

    /** Every cell rewritten, e.g. to use other time phrases. */
    public Table mapCells(UnaryOperator<String> change) {
      return new Table(preamble, header, rows.stream().map(r -> r.stream().map(change).toList()).toList(), itemColumn);
    }
  }

  private TableFixtures() {}

  /** The shipped seed as a table: its preamble, header, section rows and task rows (item cells empty when continued). */
  public static Table seed() {
    RawTable raw = RawTable.read(Seeds.taskDivisionTable());
    List<List<String>> rows = new ArrayList<>();
    for (RawTable.Row row : raw.rows().subList(1, raw.rows().size())) {
      List<String> cells = new ArrayList<>(row.cells().stream().map(RawTable.Line::text).toList());
      while (cells.size() > 1 && cells.size() < 6) {
        cells.add("");
      }
      rows.add(cells);
    }
    return new Table(raw.preamble().stream().map(RawTable.Line::text).toList(),
        raw.rows().get(0).cells().stream().map(RawTable.Line::text).toList(), rows, 1);
  }

  /** A Word document: the preamble as paragraphs, then the table. */
  public static byte[] docx(Table table, boolean mergeItems) {
    try (XWPFDocument document = new XWPFDocument()) {
      table.preamble().forEach(line -> document.createParagraph().createRun().setText(line));
      int width = table.header().size();
      XWPFTable t = document.createTable(1, width);
      fill(t.getRow(0), table.header());
      String itemAbove = null;
      for (List<String> cells : table.rows()) {
        XWPFTableRow row = t.createRow();
        if (cells.size() == 1) {
          while (row.getTableCells().size() > 1) {
            row.removeCell(row.getTableCells().size() - 1);
          }
          row.getCell(0).setText(cells.get(0));
          row.getCell(0).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(width));
          itemAbove = null;
          continue;
        }
        fill(row, cells);
        if (mergeItems && table.itemColumn() >= 0) {
          String item = cells.get(table.itemColumn());
          XWPFTableCell cell = row.getCell(table.itemColumn());
          if (!item.isEmpty()) {
            itemAbove = item;
            cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
          } else if (itemAbove != null) {
            cell.getCTTc().addNewTcPr().addNewVMerge(); // no value: continues the cell above
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(XWPFTableRow row, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      XWPFTableCell cell = i < row.getTableCells().size() ? row.getCell(i) : row.addNewTableCell();
      cell.setText(cells.get(i));
    }
  }

  /**
   * A workbook whose sheet {@code sheetName} holds the title merged across the first row, the header in the second,
   * then the rows; {@code before} names empty sheets placed in front of it.
   */
  public static byte[] xlsx(Table table, boolean mergeItems, String sheetName, String... before) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      for (String name : before) {
        workbook.createSheet(name).createRow(0).createCell(0).setCellValue("填表说明：本表由督查室汇总。");
      }
      Sheet sheet = workbook.createSheet(sheetName);
      int width = table.header().size();
      int r = 0;
      for (String line : table.preamble()) {
        sheet.createRow(r).createCell(0).setCellValue(line);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
        r++;
      }
      write(sheet.createRow(r++), table.header());
      int itemStart = -1;
      for (List<String> cells : table.rows()) {
        Row row = sheet.createRow(r);
        if (cells.size() == 1) {
          itemStart = closeItem(sheet, mergeItems, itemStart, r - 1, table.itemColumn());
          row.createCell(0).setCellValue(cells.get(0));
          sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
        } else {
          write(row, cells);
          if (table.itemColumn() >= 0 && !cells.get(table.itemColumn()).isEmpty()) {
            closeItem(sheet, mergeItems, itemStart, r - 1, table.itemColumn());
            itemStart = r;
          }
        }
        r++;
      }
      closeItem(sheet, mergeItems, itemStart, r - 1, table.itemColumn());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int closeItem(Sheet sheet, boolean merge, int start, int end, int column) {
    if (merge && start >= 0 && end > start) {
      sheet.addMergedRegion(new CellRangeAddress(start, end, column, column));
    }
    return -1;
  }

  private static void write(Row row, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String text = cells.get(i);
      if (i == 0 && text.matches("\\d+")) {
        row.createCell(i).setCellValue(Integer.parseInt(text)); // 序号 typed as numbers, as Excel users do
      } else {
        row.createCell(i).setCellValue(text);
      }
    }
  }

  /** The document encrypted with a password, as Word's 用密码进行加密 saves it. */
  public static byte[] encrypted(byte[] ooxml) {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword("mima123");
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(ooxml));
          OutputStream os = encryptor.getDataStream(fs)) {
        opc.save(os);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An old binary Excel file (.xls). */
  public static byte[] xls() {
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      workbook.createSheet("任务分工").createRow(0).createCell(0).setCellValue("序号");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An OLE2 file with a WordDocument stream, which is how an old .doc starts. */
  public static byte[] doc() {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The package with one more entry that inflates to {@code megabytes} of zeros: a zip bomb for POI's guard. */
  public static byte[] withZipBomb(byte[] ooxml, int megabytes) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ooxml));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("word/media/image1.bin"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < megabytes; i++) {
        out.write(zeros);
      }
      out.closeEntry();
      out.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
