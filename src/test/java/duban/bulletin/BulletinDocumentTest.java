package duban.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import duban.evaluation.Period;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** The 情况通报's layout as an official document, read back with POI. */
class BulletinDocumentTest {

  static BulletinContent sample() {
    return new BulletinContent("JNSC2022", "济南市加快推进大众创业万众创新工作任务分工表", "济南市“双创”工作联席会议办公室",
        Period.parse("2026-11"), LocalDate.of(2026, 12, 3), 7, null,
        new BulletinContent.Totals(67, 20, 15, 47, 19, 2, 1),
        List.of(new BulletinContent.SectionLine("一、建设创业创新平台，增强支撑能力。", 10, 3, 7, 2)),
        List.of(new BulletinContent.OverdueLine(3, "组织不少于3000家企业在平台注册", List.of("市科协"), 337)),
        List.of(new BulletinContent.UnitLine("gxj", "市工业和信息化局", "2 次")),
        List.of(new BulletinContent.UnitLine("kx", "市科协", "98.5 分")),
        List.of(new BulletinContent.UnitLine("kjj", "市科技局", "61.0 分")),
        List.of(new BulletinContent.ClosedLine(1, "双创载体平台超过400家", LocalDate.of(2026, 11, 20))),
        List.of(new BulletinContent.ExemptionLine(28, "容错纠错机制", "予以容错免责，不作负面评价")));
  }

  @Test
  void isLaidOutAsAnOfficialDocumentOnA4WithPageNumbersAndRepeatedTableHeaders() throws Exception {
    byte[] written = BulletinDocument.write(sample());
    java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "bulletins"))
        .resolve("sample.docx"), written);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(written))) {
      CTSectPr section = doc.getDocument().getBody().getSectPr();
      assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
      assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");

      XWPFParagraph title = doc.getParagraphs().get(1);
      assertThat(title.getText()).isEqualTo("济南市加快推进大众创业万众创新工作落实情况通报");
      assertThat(title.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
      XWPFParagraph heading = doc.getParagraphs().stream().filter(p -> p.getText().equals("一、总体情况")).findFirst()
          .orElseThrow();
      assertThat(heading.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
      XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("纳入督办任务")).findFirst()
          .orElseThrow();
      assertThat(body.getText()).isEqualTo("纳入督办任务 67 项，已办结 20 项（其中按时办结 15 项），正在推进 47 项，已逾期 19 项，"
          + "已延期 2 项，进入容错程序 1 项。");
      assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
      assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);

      assertThat(doc.getTables()).hasSize(5); // sections, overdue, returns, closed, exemptions
      for (XWPFTable table : doc.getTables()) {
        assertThat(table.getRow(0).isRepeatHeader()).as(table.getRow(0).getCell(0).getText()).isTrue();
      }
      assertThat(doc.getTables().get(1).getRow(1).getCell(2).getText()).isEqualTo("市科协");
      assertThat(doc.getTables().get(1).getRow(1).getCell(3).getText()).isEqualTo("337 天");

      XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
      assertThat(policy.getDefaultFooter().getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
    }
  }

  @Test
  void aCorrectionSaysWhichBulletinItCorrects() throws Exception {
    BulletinContent s = sample();
    BulletinContent correction = new BulletinContent(s.planCode(), s.planTitle(), s.issuingOffice(), s.period(),
        s.asOf(), 8, 7, s.totals(), s.sections(), List.of(), List.of(), s.best(), s.weakest(), List.of(), List.of());
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(BulletinDocument.write(correction)))) {
      assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
          .contains("第 8 期", "本期为第 7 期通报的更正，以本期为准。", "截至本期，无逾期未完成任务。", "本期无容错免责认定。");
    }
  }
}
