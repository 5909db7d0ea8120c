package duban.evidence;

/** Sizes as users read them: 1.5 MB, 820 KB, 12 字节. */
final class Sizes {

  private Sizes() {}

  static String of(long bytes) {
    if (bytes >= 1024L * 1024) {
      double mb = bytes / (1024.0 * 1024);
      return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format("%.1f", mb)) + " MB";
    }
    if (bytes >= 1024) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return bytes + " 字节";
  }
}
