package duban.evidence;

import java.util.List;

/** The kinds of file accepted as evidence, as recognised from their content. */
enum FileKind {
  PDF("application/pdf", "PDF 文档", List.of("pdf")),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档", List.of("docx")),
  DOC("application/msword", "Word 文档（97-2003）", List.of("doc")),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格", List.of("xlsx")),
  XLS("application/vnd.ms-excel", "Excel 表格（97-2003）", List.of("xls")),
  JPEG("image/jpeg", "JPEG 图片", List.of("jpg", "jpeg")),
  PNG("image/png", "PNG 图片", List.of("png")),
  OFD("application/ofd", "OFD 版式文件", List.of("ofd"));

  private final String mediaType;
  private final String label;
  private final List<String> extensions;

  FileKind(String mediaType, String label, List<String> extensions) {
    this.mediaType = mediaType;
    this.label = label;
    this.extensions = extensions;
  }

  String mediaType() {
    return mediaType;
  }

  String label() {
    return label;
  }

  List<String> extensions() {
    return extensions;
  }

  String extension() {
    return extensions.get(0);
  }

  /** Browsers may show this kind in a tab of their own instead of saving it. */
  boolean previewable() {
    return this == PDF || this == JPEG || this == PNG;
  }

  static FileKind byExtension(String extension) {
    for (FileKind kind : values()) {
      if (kind.extensions.contains(extension)) {
        return kind;
      }
    }
    return null;
  }

  /** For messages: 「PDF、Word、Excel、JPEG、PNG、OFD」. */
  static final String ACCEPTED = "PDF、Word（docx/doc）、Excel（xlsx/xls）、JPEG、PNG、OFD";
}
