package duban.evidence;

import static duban.evidence.EvidenceRejectedException.badFile;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File names are for display only: files are stored and fetched by a generated id. A name is cut to its last path
 * segment, stripped of control and bidirectional-override characters, markup and characters Windows forbids, and
 * given the extension of the kind the content was recognised as.
 */
final class FileNames {

  static final int MAX_LENGTH = 120;
  private static final Pattern TAGS = Pattern.compile("<[^>]*>?");
  private static final Pattern SCRIPT = Pattern.compile("(?i)(<\\s*script[^>]*>.*?<\\s*/\\s*script\\s*>)|javascript:");
  // C0/C1 controls, format characters (U+202E and friends reverse how a name reads), line and paragraph separators
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
  private static final Pattern FORBIDDEN = Pattern.compile("[<>:\"/\\\\|?*]");
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private FileNames() {}

  /** The display name of an upload whose content is {@code kind}. */
  static String forUpload(String raw, FileKind kind) {
    String name = clean(raw);
    String extension = extensionOf(name);
    FileKind named = FileKind.byExtension(extension);
    if (!extension.isEmpty() && named != null && named != kind && !sameFamily(named, kind)) {
      throw badFile("文件名的扩展名 ." + extension + " 与文件内容（" + kind.label() + "）不符，请检查是否选错了文件");
    }
    if (named == null) {
      name = name + "." + kind.extension();
    } else if (named != kind) {
      name = name.substring(0, name.length() - extension.length()) + kind.extension();
    }
    return shorten(name);
  }

  /** A new display name for a stored file: the extension stays the one of its content. */
  static String renamed(String raw, FileKind kind) {
    String name = clean(raw);
    FileKind named = FileKind.byExtension(extensionOf(name));
    if (named != kind) {
      name = name + "." + kind.extension();
    }
    return shorten(name);
  }

  static String clean(String raw) {
    String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
    name = INVISIBLE.matcher(name).replaceAll("");
    name = SCRIPT.matcher(name).replaceAll("");
    name = TAGS.matcher(name).replaceAll("");
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = FORBIDDEN.matcher(name).replaceAll("_");
    name = BLANKS.matcher(name).replaceAll(" ").strip();
    // leading dots hide a file or climb a directory in some tools; trailing dots and blanks Windows drops
    name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
    return name.isEmpty() ? "佐证材料" : name;
  }

  static String extensionOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean sameFamily(FileKind a, FileKind b) {
    // a .doc that is really a .docx (or the other way round) is common and harmless; the extension is corrected
    return (a == FileKind.DOC || a == FileKind.DOCX) && (b == FileKind.DOC || b == FileKind.DOCX)
        || (a == FileKind.XLS || a == FileKind.XLSX) && (b == FileKind.XLS || b == FileKind.XLSX);
  }

  private static String shorten(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
      return name;
    }
    String extension = "." + extensionOf(name);
    String stem = name.substring(0, name.length() - extension.length());
    int keep = MAX_LENGTH - extension.length();
    return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
  }

  /** {@code attachment; filename="ascii"; filename*=UTF-8''…} (RFC 6266 / RFC 5987). */
  static String contentDisposition(String name, boolean inline) {
    StringBuilder ascii = new StringBuilder();
    for (char c : name.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
    }
    return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(name);
  }

  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
