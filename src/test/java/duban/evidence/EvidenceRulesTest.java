package duban.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What may be attached, recognised from content: every kind accepted, and what is refused with which message. */
class EvidenceRulesTest {

  private static final long UNPACKED_LIMIT = 300L << 20;

  @TempDir Path dir;
  private final ContentInspector inspector = new ContentInspector(UNPACKED_LIMIT);

  private FileKind inspect(byte[] content) throws IOException {
    Path file = Files.write(Files.createTempFile(dir, "upload", ".bin"), content);
    return inspector.inspect(file);
  }

  private void assertRefused(byte[] content, String messagePart) {
    assertThatThrownBy(() -> inspect(content)).isInstanceOf(EvidenceRejectedException.class)
        .hasMessageContaining(messagePart);
  }

  // ------------------------------------------------------------------------------------------------ accepted

  @Test
  void acceptsEveryKindByItsContent() throws IOException {
    assertThat(inspect(Samples.pdf())).isEqualTo(FileKind.PDF);
    assertThat(inspect(Samples.png())).isEqualTo(FileKind.PNG);
    assertThat(inspect(Samples.jpeg())).isEqualTo(FileKind.JPEG);
    assertThat(inspect(Samples.docx("会议纪要"))).isEqualTo(FileKind.DOCX);
    assertThat(inspect(Samples.xlsx())).isEqualTo(FileKind.XLSX);
    assertThat(inspect(Samples.xls())).isEqualTo(FileKind.XLS);
    assertThat(inspect(Samples.ole2("WordDocument", "1Table"))).isEqualTo(FileKind.DOC);
    assertThat(inspect(Samples.ofd())).isEqualTo(FileKind.OFD);
  }

  // ------------------------------------------------------------------------------------------------ refused

  @Test
  void refusesAnEmptyFile() {
    assertRefused(new byte[0], "文件为空");
  }

  @Test
  void refusesExecutablesAndScriptsWhateverTheirName() {
    assertRefused(Samples.windowsExecutable(), "可执行文件");
    assertRefused(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, "可执行文件");
    assertRefused("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII), "可执行文件");
    assertRefused(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61}, "可执行文件");
  }

  @Test
  void refusesUnknownTypesNamingWhatIsAccepted() {
    assertRefused("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "PDF、Word");
    assertRefused("纯文本说明".getBytes(StandardCharsets.UTF_8), "无法识别的文件类型");
    assertRefused(new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0}, "无法识别的文件类型");
  }

  @Test
  void refusesPlainZipsPowerPointAndMacros() throws IOException {
    assertRefused(Samples.zip(Map.of("setup.exe", Samples.windowsExecutable())), "压缩包（zip）不能作为佐证材料");
    assertRefused(Samples.pptx(), "只接受 Word 和 Excel");
    byte[] withMacros = Samples.zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
        "word/vbaProject.bin", new byte[100]));
    assertRefused(withMacros, "含宏");
    assertRefused(Samples.ole2("WordDocument", "Macros"), "含宏");
  }

  @Test
  void refusesEncryptedAndUnknownOldOfficeFiles() throws IOException {
    assertRefused(Samples.ole2("EncryptionInfo", "EncryptedPackage"), "加密");
    assertRefused(Samples.ole2("PowerPoint Document"), "只接受 Word（doc）和 Excel（xls）");
  }

  @Test
  void refusesBrokenFiles() throws IOException {
    byte[] pdf = Samples.pdf();
    assertRefused(Arrays.copyOf(pdf, pdf.length - 8), "PDF 文件不完整");
    byte[] png = Samples.png();
    assertRefused(Arrays.copyOf(png, 12), "PNG 图片已损坏");
    byte[] docx = Samples.docx("被截断的报告");
    assertRefused(Arrays.copyOf(docx, docx.length / 2), "已损坏");
    assertRefused(Samples.zip(Map.of("OFD.xml", "<html/>".getBytes(StandardCharsets.UTF_8))), "OFD");
  }

  @Test
  void refusesAZipBombThroughPoisInflateRatio() throws IOException {
    byte[] bomb = Samples.zipBomb(30);
    assertThat(bomb.length).as("compressed size").isLessThan(100_000);
    assertRefused(bomb, "zip 炸弹");
  }

  @Test
  void capsWhatAPackageMayInflateToEvenAtAnOrdinaryRatio() throws IOException {
    ContentInspector strict = new ContentInspector(1 << 20);
    byte[] text = new byte[3 << 20];
    java.util.Random random = new java.util.Random(22);
    for (int i = 0; i < text.length; i++) {
      text[i] = (byte) ('a' + random.nextInt(26)); // compresses, but nowhere near a bomb's ratio
    }
    Path file = Files.write(dir.resolve("big.ofd"), Samples.zip(Map.of("OFD.xml", text)));
    assertThatThrownBy(() -> strict.inspect(file)).hasMessageContaining("解压后超过 1 MB");
  }

  // ------------------------------------------------------------------------------------------------ declared types

  @Test
  void refusesADeclaredTypeTheContentContradicts() {
    assertThatThrownBy(() -> EvidenceService.checkDeclaredType("application/pdf", FileKind.PNG))
        .hasMessageContaining("声明的文件类型（application/pdf）与文件内容（PNG 图片）不符");
    assertThatThrownBy(() -> EvidenceService.checkDeclaredType("text/html", FileKind.PDF)).hasMessageContaining("不符");
    EvidenceService.checkDeclaredType("application/octet-stream", FileKind.OFD);
    EvidenceService.checkDeclaredType("image/jpg", FileKind.JPEG);
    EvidenceService.checkDeclaredType("application/pdf; charset=binary", FileKind.PDF);
    EvidenceService.checkDeclaredType(null, FileKind.XLSX);
  }

  // ------------------------------------------------------------------------------------------------ names

  @Test
  void keepsNamesForDisplayOnlyWithoutPathsControlsOrMarkup() {
    assertThat(FileNames.forUpload("../../etc/passwd.pdf", FileKind.PDF)).isEqualTo("passwd.pdf");
    assertThat(FileNames.forUpload("C:\\fakepath\\会议纪要.pdf", FileKind.PDF)).isEqualTo("会议纪要.pdf");
    assertThat(FileNames.forUpload("通知\u0000\r\n原件.pdf", FileKind.PDF)).isEqualTo("通知原件.pdf");
    // a right-to-left override would show "invoice\u202Eexe.pdf" as "invoicefdp.exe"
    assertThat(FileNames.forUpload("invoice\u202Efdp.exe", FileKind.PDF)).isEqualTo("invoicefdp.exe.pdf");
    assertThat(FileNames.forUpload("<script>alert(1)</script>现场照片.png", FileKind.PNG)).isEqualTo("现场照片.png");
    assertThat(FileNames.forUpload("<img src=x onerror=alert(1)>基地.jpg", FileKind.JPEG)).isEqualTo("基地.jpg");
    assertThat(FileNames.forUpload("a\"b|c?.pdf", FileKind.PDF)).isEqualTo("a_b_c_.pdf");
    assertThat(FileNames.forUpload("...", FileKind.PDF)).isEqualTo("佐证材料.pdf");
    assertThat(FileNames.forUpload(null, FileKind.OFD)).isEqualTo("佐证材料.ofd");
    assertThat(FileNames.forUpload("扫描件", FileKind.JPEG)).isEqualTo("扫描件.jpg");
    assertThat(FileNames.forUpload("名单.xls", FileKind.XLSX)).isEqualTo("名单.xlsx");
    String longName = "很".repeat(300) + ".pdf";
    assertThat(FileNames.forUpload(longName, FileKind.PDF)).hasSize(FileNames.MAX_LENGTH).endsWith("很.pdf");
  }

  @Test
  void refusesANameWhoseExtensionContradictsTheContent() {
    assertThatThrownBy(() -> FileNames.forUpload("照片.pdf", FileKind.PNG))
        .hasMessageContaining("扩展名 .pdf 与文件内容（PNG 图片）不符");
  }

  @Test
  void renamingKeepsTheExtensionOfTheContent() {
    assertThat(FileNames.renamed("2026年第三季度会议纪要", FileKind.PDF)).isEqualTo("2026年第三季度会议纪要.pdf");
    assertThat(FileNames.renamed("纪要.exe", FileKind.PDF)).isEqualTo("纪要.exe.pdf");
  }

  @Test
  void contentDispositionCarriesTheNameSafelyInBothForms() {
    String header = FileNames.contentDisposition("会议纪要 (1);x\".pdf", false);
    assertThat(header).startsWith("attachment; filename=\"").doesNotContain("\r").doesNotContain("\n");
    assertThat(header).contains("filename=\"____ (1)_x_.pdf\"");
    assertThat(header).contains("filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81%20%281%29%3Bx%22.pdf");
    assertThat(FileNames.contentDisposition("a.png", true)).startsWith("inline; ");
  }

  @Test
  void sizesReadAsUsersWriteThem() {
    assertThat(Sizes.of(20L << 20)).isEqualTo("20 MB");
    assertThat(Sizes.of(1536L * 1024)).isEqualTo("1.5 MB");
    assertThat(Sizes.of(2048)).isEqualTo("2 KB");
    assertThat(Sizes.of(12)).isEqualTo("12 字节");
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        entries.put(entry.getName(), out.toByteArray());
      }
    }
    return entries;
  }
}
