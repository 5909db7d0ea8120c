package duban.evidence;

import static duban.evidence.EvidenceRejectedException.badFile;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Word 97-2003 and Excel 97-2003 (OLE2 containers): told apart by their main stream; macros and encryption refused. */
final class LegacyOffice {

  private LegacyOffice() {}

  static FileKind inspect(Path file) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
        throw badFile("加密的 Office 文件无法检查，请取消密码后再上传");
      }
      if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR")) {
        throw badFile("含宏的 Office 文件不能上传，请另存为不含宏的文件后再上传");
      }
      if (root.hasEntry("WordDocument")) {
        return FileKind.DOC;
      }
      if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
        return FileKind.XLS;
      }
      throw badFile("不接受的 Office 97-2003 文件，只接受 Word（doc）和 Excel（xls）文件");
    } catch (IOException | RuntimeException broken) {
      if (broken instanceof EvidenceRejectedException rejected) {
        throw rejected;
      }
      throw badFile("Office 文件已损坏，无法打开");
    }
  }
}
