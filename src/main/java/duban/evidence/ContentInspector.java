package duban.evidence;

import static duban.evidence.EvidenceRejectedException.badFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Recognises a file's kind from its content, never from its name: magic bytes first, then a look inside where the
 * magic is shared (zip for Office and OFD, OLE2 for the old Office formats) or cheap to confirm (image headers, the
 * PDF end marker). Everything else, executables above all, is refused with a message naming the problem.
 */
final class ContentInspector {

  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
  private static final byte[][] EXECUTABLES = {
      {'M', 'Z'}, // Windows PE (exe, dll, scr)
      {0x7F, 'E', 'L', 'F'},
      {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, // Mach-O universal, Java class
      {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE}, {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF},
      {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}, {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
      {'#', '!'}}; // scripts
  private static final int MAX_IMAGE_SIDE = 30_000;

  private final PackageInspector packages;

  ContentInspector(long maxUnpackedBytes) {
    this.packages = new PackageInspector(maxUnpackedBytes);
  }

  FileKind inspect(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw badFile("文件为空（0 字节），请选择有内容的文件");
    }
    byte[] head = head(file, 16);
    for (byte[] executable : EXECUTABLES) {
      if (startsWith(head, executable)) {
        throw badFile("可执行文件或脚本不能作为佐证材料上传");
      }
    }
    if (startsWith(head, PDF)) {
      return pdf(file, size);
    }
    if (startsWith(head, PNG)) {
      return image(file, FileKind.PNG);
    }
    if (startsWith(head, JPEG)) {
      return image(file, FileKind.JPEG);
    }
    if (startsWith(head, ZIP)) {
      return packages.inspect(file);
    }
    if (startsWith(head, OLE2)) {
      return LegacyOffice.inspect(file);
    }
    throw badFile("无法识别的文件类型。只能上传 " + FileKind.ACCEPTED + " 文件（按文件内容识别，与扩展名无关）");
  }

  /** A PDF cut short (an interrupted export or copy) has no end marker near its end. */
  private static FileKind pdf(Path file, long size) throws IOException {
    int tail = (int) Math.min(size, 2048);
    byte[] end = new byte[tail];
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(size - tail);
      in.readFully(end);
    }
    if (indexOf(end, PDF_END) < 0) {
      throw badFile("PDF 文件不完整（缺少结尾标记 %%EOF），请重新导出后上传");
    }
    return FileKind.PDF;
  }

  /** Reads the image header only (never the pixels): a broken or absurdly large image is refused. */
  private static FileKind image(Path file, FileKind kind) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw badFile(kind.label() + "已损坏，无法读取");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
          throw badFile(kind.label() + "尺寸异常（" + width + "×" + height + " 像素）");
        }
      } catch (IOException | RuntimeException broken) {
        if (broken instanceof EvidenceRejectedException rejected) {
          throw rejected;
        }
        throw badFile(kind.label() + "已损坏，无法读取");
      } finally {
        reader.dispose();
      }
    }
    return kind;
  }

  private static byte[] head(Path file, int length) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(length);
    }
  }

  static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  static int indexOf(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
