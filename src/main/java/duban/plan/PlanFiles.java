package duban.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded file into the intermediate table: .docx, .xlsx or the text layout, told apart by their bytes (the
 * content type can lie). Everything that is not a readable table gets a Chinese message naming what is wrong.
 */
@Component
class PlanFiles {

  enum Format { TEXT, DOCX, XLSX }

  record Parsed(Format format, RawTable table) {}

  private static final String OLD_FORMAT = "：请另存为 .docx/.xlsx 后上传";
  private static final String BROKEN = "文件已损坏或不完整（可能上传中断），无法读取：请重新保存后上传";

  private final PlanSettings settings;

  PlanFiles(PlanSettings settings) {
    this.settings = settings;
    // POI's guard against zip bombs is process-wide: entries that inflate beyond the ratio or the size are refused.
    ZipSecureFile.setMinInflateRatio(settings.minInflateRatio());
    ZipSecureFile.setMaxEntrySize(settings.maxEntrySize().toBytes());
  }

  Parsed read(byte[] bytes, String sheet) {
    if (bytes == null || bytes.length == 0) {
      throw new PlanFileException("上传的文件为空");
    }
    if (bytes.length > settings.maxUploadSize().toBytes()) {
      throw PlanFileException.tooLarge("文件大小 " + megabytes(bytes.length) + " 超过上限 "
          + megabytes(settings.maxUploadSize().toBytes()));
    }
    FileMagic magic;
    try {
      magic = FileMagic.valueOf(bytes);
    } catch (RuntimeException e) {
      magic = FileMagic.UNKNOWN;
    }
    return switch (magic) {
      case OOXML -> ooxml(bytes, sheet);
      case OLE2 -> throw ole2(bytes);
      case BIFF2, BIFF3, BIFF4 -> throw new PlanFileException("这是旧版 Excel（.xls）文件" + OLD_FORMAT);
      case PDF -> throw new PlanFileException("不支持 PDF 文件：请上传 Word（.docx）、Excel（.xlsx）或文本格式的任务分工表");
      case RTF, WORD2 -> throw new PlanFileException("这是旧版 Word 文件" + OLD_FORMAT);
      default -> new Parsed(Format.TEXT, RawTable.read(text(bytes)));
    };
  }

  private Parsed ooxml(byte[] bytes, String sheet) {
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      if (has(pkg, "/word/document.xml")) {
        try (XWPFDocument document = new XWPFDocument(pkg)) {
          return new Parsed(Format.DOCX, DocxTable.read(document));
        }
      }
      if (has(pkg, "/xl/workbook.xml")) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
          return new Parsed(Format.XLSX, XlsxTable.read(workbook, sheet));
        }
      }
      throw new PlanFileException("文件是压缩包，但不是 Word（.docx）或 Excel（.xlsx）文档");
    } catch (PlanFileException e) {
      throw e;
    } catch (EncryptedDocumentException e) {
      throw encrypted();
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
      if (isZipBomb(e)) {
        throw new PlanFileException("文件解压后异常膨胀（疑似压缩炸弹），已拒绝：请检查文件来源", e);
      }
      throw new PlanFileException(BROKEN, e);
    }
  }

  private static boolean has(OPCPackage pkg, String name) throws IOException {
    try {
      PackagePartName partName = PackagingURIHelper.createPartName(name);
      return pkg.getPart(partName) != null;
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      return false;
    }
  }

  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && (message.contains("Zip bomb") || message.contains("ZipSecureFile"))) {
        return true;
      }
    }
    return false;
  }

  /** An OLE2 file is an encrypted .docx/.xlsx (it then holds EncryptionInfo) or an old .doc/.xls. */
  private static PlanFileException ole2(byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry(Decryptor.DEFAULT_POIFS_ENTRY) || root.hasEntry("EncryptionInfo")) {
        return encrypted();
      }
      if (root.hasEntry("WordDocument")) {
        return new PlanFileException("这是旧版 Word（.doc）文件" + OLD_FORMAT);
      }
      if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
        return new PlanFileException("这是旧版 Excel（.xls）文件" + OLD_FORMAT);
      }
      return new PlanFileException("这是旧版 Office 文件" + OLD_FORMAT);
    } catch (OldExcelFormatException e) {
      return new PlanFileException("这是旧版 Excel（.xls）文件" + OLD_FORMAT);
    } catch (IOException | RuntimeException e) {
      return new PlanFileException(BROKEN, e);
    }
  }

  private static PlanFileException encrypted() {
    return new PlanFileException("文件已加密或设有打开密码，无法读取：请在 Word/Excel 中取消密码后重新上传");
  }

  /** UTF-8, or GB18030 (what Chinese Windows saves as 「ANSI」); anything with NUL bytes is not text. */
  private static String text(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new PlanFileException("无法识别的文件格式：请上传 Word（.docx）、Excel（.xlsx）或文本格式的任务分工表");
      }
    }
    try {
      return decode(bytes, StandardCharsets.UTF_8);
    } catch (CharacterCodingException notUtf8) {
      try {
        return decode(bytes, Charset.forName("GB18030"));
      } catch (CharacterCodingException e) {
        throw new PlanFileException("文本文件的编码无法识别：请保存为 UTF-8 后上传");
      }
    }
  }

  private static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
  }
}
