package duban.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * A 情况通报 as an official document after GB/T 9704-2012: A4, title in 方正小标宋, first-level headings in 黑体, body
 * in 仿宋 三号 (16 pt); a machine without those fonts draws its own CJK serif and sans. Tables repeat their header
 * row on every page; the footer carries the page number.
 */
final class BulletinDocument {

  static final String TITLE_FONT = "方正小标宋简体";
  static final String HEADING_FONT = "黑体";
  static final String BODY_FONT = "仿宋";
  private static final int BODY_SIZE = 16;
  private static final int TABLE_SIZE = 12;
  /** A4 less the margins, in twentieths of a point. */
  private static final int TEXT_WIDTH = 11906 - 1588 - 1474;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private BulletinDocument() {}

  static String title(BulletinContent c) {
    return c.planTitle().replace("任务分工表", "") + "落实情况通报";
  }

  static byte[] write(BulletinContent c) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      pageSetup(doc);
      paragraph(doc, "第 " + c.serial() + " 期", BODY_FONT, BODY_SIZE, false, ParagraphAlignment.CENTER);
      paragraph(doc, title(c), TITLE_FONT, 22, false, ParagraphAlignment.CENTER);
      paragraph(doc, c.issuingOffice() + "　　" + DATE.format(c.asOf()), BODY_FONT, BODY_SIZE, false,
          ParagraphAlignment.CENTER);
      if (c.corrects() != null) {
        body(doc, "本期为第 " + c.corrects() + " 期通报的更正，以本期为准。");
      }
      body(doc, "现将" + c.period().label() + "（截至" + DATE.format(c.asOf()) + "）《" + c.planTitle()
          + "》落实情况通报如下。");

      BulletinContent.Totals t = c.totals();
      heading(doc, "一、总体情况");
      body(doc, "纳入督办任务 " + t.tasks() + " 项，已办结 " + t.done() + " 项（其中按时办结 " + t.doneOnTime() + " 项），正在推进 "
          + t.inProgress() + " 项，已逾期 " + t.overdue() + " 项，已延期 " + t.extended() + " 项，进入容错程序 "
          + t.tolerance() + " 项。");
      table(doc, List.of("板块", "任务数", "已办结", "推进中", "已逾期"), c.sections(),
          s -> List.of(s.title(), n(s.tasks()), n(s.done()), n(s.inProgress()), n(s.overdue())));

      heading(doc, "二、逾期未完成任务");
      if (c.overdue().isEmpty()) {
        body(doc, "截至本期，无逾期未完成任务。");
      } else {
        table(doc, List.of("序号", "任务", "牵头单位", "逾期天数"), c.overdue(),
            o -> List.of(n(o.number()), o.title(), String.join("、", o.leadUnits()), o.daysOverdue() + " 天"));
      }

      heading(doc, "三、报送材料多次退回的单位");
      if (c.repeatedReturns().isEmpty()) {
        body(doc, "本期无报送材料退回两次以上的单位。");
      } else {
        table(doc, List.of("单位", "退回次数"), c.repeatedReturns(), u -> List.of(u.name(), u.figure()));
      }

      heading(doc, "四、考评情况");
      body(doc, "按结果考评得分，表现较好的单位：" + names(c.best()) + "；需加快推进的单位：" + names(c.weakest()) + "。");

      heading(doc, "五、本期办结销号任务");
      if (c.closedSince().isEmpty()) {
        body(doc, "本期无新办结销号任务。");
      } else {
        table(doc, List.of("序号", "任务", "办结日期"), c.closedSince(),
            l -> List.of(n(l.number()), l.title(), DATE.format(l.closedOn())));
      }

      heading(doc, "六、容错免责情况");
      if (c.exemptions().isEmpty()) {
        body(doc, "本期无容错免责认定。");
      } else {
        body(doc, "以下事项经认定予以容错免责，不作负面评价：");
        table(doc, List.of("序号", "任务", "认定结果"), c.exemptions(),
            e -> List.of(n(e.number()), e.title(), e.decision()));
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String names(List<BulletinContent.UnitLine> units) {
    return units.isEmpty() ? "暂无" : String.join("、", units.stream().map(u -> u.name() + "（" + u.figure() + "）").toList());
  }

  private static String n(int value) {
    return String.valueOf(value);
  }

  private static void pageSetup(XWPFDocument doc) {
    CTSectPr section = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(11906)); // A4 in twentieths of a point
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(2098)); // 37 mm, GB/T 9704
    margins.setBottom(BigInteger.valueOf(1984)); // 35 mm
    margins.setLeft(BigInteger.valueOf(1588)); // 28 mm
    margins.setRight(BigInteger.valueOf(1474)); // 26 mm
    XWPFFooter footer = new XWPFHeaderFooterPolicy(doc, section).createFooter(XWPFHeaderFooterPolicy.DEFAULT);
    XWPFParagraph p = footer.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, "— ", BODY_FONT, 14, false);
    p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    p.getCTP().addNewR().addNewInstrText().setStringValue(" PAGE ");
    p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
    run(p, " —", BODY_FONT, 14, false);
  }

  private static void heading(XWPFDocument doc, String text) {
    paragraph(doc, text, HEADING_FONT, BODY_SIZE, false, ParagraphAlignment.LEFT);
  }

  private static void body(XWPFDocument doc, String text) {
    XWPFParagraph p = paragraph(doc, text, BODY_FONT, BODY_SIZE, false, ParagraphAlignment.BOTH);
    p.setFirstLineIndent(640); // two characters of 16 pt
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String text, String font, int size, boolean bold,
      ParagraphAlignment alignment) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    run(p, text, font, size, bold);
    return p;
  }

  private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
    r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
    r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
    r.setFontSize(size);
    r.setBold(bold);
  }

  private static <T> void table(XWPFDocument doc, List<String> header, List<T> rows, Function<T, List<String>> cells) {
    XWPFTable table = doc.createTable(rows.size() + 1, header.size());
    table.setTableAlignment(TableRowAlign.CENTER);
    XWPFTableRow head = table.getRow(0);
    head.setRepeatHeader(true);
    for (int i = 0; i < header.size(); i++) {
      cell(head, i, header.get(i), HEADING_FONT);
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> values = cells.apply(rows.get(r));
      XWPFTableRow row = table.getRow(r + 1);
      row.setCantSplitRow(true);
      for (int i = 0; i < values.size(); i++) {
        cell(row, i, values.get(i), BODY_FONT);
      }
    }
    widths(table, header);
    doc.createParagraph();
  }

  /** The text column (the second after a 序号, else the first) takes the room the figure columns leave. */
  private static void widths(XWPFTable table, List<String> header) {
    int text = header.size() > 2 && header.get(0).equals("序号") ? 1 : 0;
    int figure = 1300;
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = i == text ? TEXT_WIDTH - figure * (widths.length - 1) : figure;
    }
    var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() < widths.length) {
      grid.addNewGridCol();
    }
    for (int i = 0; i < widths.length; i++) {
      grid.getGridColArray(i).setW(BigInteger.valueOf(widths[i]));
    }
    for (XWPFTableRow row : table.getRows()) {
      for (int i = 0; i < widths.length; i++) {
        row.getCell(i).setWidthType(TableWidthType.DXA);
        row.getCell(i).setWidth(String.valueOf(widths[i]));
      }
    }
  }

  private static void cell(XWPFTableRow row, int column, String text, String font) {
    XWPFParagraph p = row.getCell(column).getParagraphs().get(0);
    run(p, text, font, TABLE_SIZE, false);
  }
}
