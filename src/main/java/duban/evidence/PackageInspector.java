package duban.evidence;

import static duban.evidence.EvidenceRejectedException.badFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Zip-based formats: Word and Excel (OOXML, told apart by the content type of their main part) and OFD (GB/T 33190,
 * an {@code OFD.xml} entry point at the root). Every entry is inflated through POI's {@link ZipSecureFile}, whose
 * inflate-ratio check refuses zip bombs, and the total inflated size is capped. Macro-enabled files are refused.
 */
final class PackageInspector {

  private static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  private static final String EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  private static final String BOMB = "压缩包解压后异常膨胀（疑似 zip 炸弹），已拒绝";

  private final long maxUnpackedBytes;

  PackageInspector(long maxUnpackedBytes) {
    this.maxUnpackedBytes = maxUnpackedBytes;
  }

  FileKind inspect(Path file) throws IOException {
    Contents contents = readAll(file);
    if (contents.macros) {
      throw badFile("含宏的 Office 文件（如 docm、xlsm）不能上传，请另存为 docx 或 xlsx 后再上传");
    }
    if (contents.ofdXml != null) {
      if (!contents.ofdXml.contains("OFD") || !contents.ofdXml.contains("DocBody")) {
        throw badFile("OFD 文件的入口 OFD.xml 无效，无法识别");
      }
      return FileKind.OFD;
    }
    if (!contents.contentTypes) {
      throw badFile("压缩包（zip）不能作为佐证材料上传。只能上传 " + FileKind.ACCEPTED + " 文件");
    }
    return office(file);
  }

  private FileKind office(Path file) {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      PackageRelationship main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0);
      PackagePart part = main == null ? null : pkg.getPart(main);
      String type = part == null ? null : part.getContentType();
      if (WORD_MAIN.equals(type) && part.getSize() != 0) {
        return FileKind.DOCX;
      }
      if (EXCEL_MAIN.equals(type) && part.getSize() != 0) {
        return FileKind.XLSX;
      }
      if (type != null && type.contains("macroEnabled")) {
        throw badFile("含宏的 Office 文件（如 docm、xlsm）不能上传，请另存为 docx 或 xlsx 后再上传");
      }
      throw badFile("不接受的 Office 文件类型" + (type == null ? "" : "（" + type + "）") + "，只接受 Word 和 Excel 文件");
    } catch (InvalidFormatException | IOException | RuntimeException broken) {
      if (broken instanceof EvidenceRejectedException rejected) {
        throw rejected;
      }
      throw badFile("Office 文件已损坏，无法打开：" + broken.getMessage());
    }
  }

  private Contents readAll(Path file) throws IOException {
    Contents contents = new Contents();
    long unpacked = 0;
    try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
      byte[] buffer = new byte[64 * 1024];
      for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
        String name = entry.getName();
        contents.contentTypes |= "[Content_Types].xml".equals(name);
        contents.macros |= name.toLowerCase().endsWith("vbaproject.bin");
        ByteArrayOutputStream ofd = "OFD.xml".equals(name) ? new ByteArrayOutputStream() : null;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            unpacked += n;
            if (unpacked > maxUnpackedBytes) {
              throw badFile("压缩包解压后超过 " + (maxUnpackedBytes >> 20) + " MB，已拒绝");
            }
            if (ofd != null && ofd.size() < 1 << 20) {
              ofd.write(buffer, 0, n);
            }
          }
        }
        if (ofd != null) {
          contents.ofdXml = ofd.toString(StandardCharsets.UTF_8);
        }
      }
    } catch (IOException | IllegalStateException broken) {
      String message = String.valueOf(broken.getMessage());
      if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("max file count")) {
        throw badFile(BOMB);
      }
      throw badFile("压缩格式的文件已损坏，无法打开");
    }
    return contents;
  }

  private static final class Contents {
    boolean contentTypes;
    boolean macros;
    String ofdXml;
  }
}
