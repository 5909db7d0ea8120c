package duban.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on 佐证材料. {@code maxRequestSize}: a whole upload request (the file plus its multipart framing); larger
 * declared bodies are refused before they are read. {@code maxTaskSize}, {@code maxTaskFiles}: all files of one
 * supervised task, every round and unit together. {@code maxUnpackedSize}: what an Office or OFD package may inflate
 * to when it is checked (zip bombs are refused earlier, by POI's inflate ratio).
 */
@ConfigurationProperties("duban.evidence")
public record EvidenceSettings(
    DataSize maxFileSize,
    DataSize maxRequestSize,
    DataSize maxTaskSize,
    int maxTaskFiles,
    DataSize maxUnpackedSize) {

  public EvidenceSettings {
    if (maxFileSize == null || maxRequestSize == null || maxTaskSize == null || maxUnpackedSize == null) {
      throw new IllegalArgumentException("duban.evidence.* 的大小限制须全部配置");
    }
    if (maxRequestSize.compareTo(maxFileSize) < 0 || maxTaskSize.compareTo(maxFileSize) < 0) {
      throw new IllegalArgumentException("duban.evidence.max-request-size 和 max-task-size 不能小于 max-file-size");
    }
    if (maxTaskFiles < 1) {
      throw new IllegalArgumentException("duban.evidence.max-task-files 须为正数");
    }
  }
}
