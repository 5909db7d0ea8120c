package duban.evidence;

import duban.evidence.EvidenceAccess.Caller;
import duban.evidence.EvidenceAccess.Process;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** All evidence of a task as one ZIP for the offices: {@code 第1轮/市科协/会议纪要.pdf}, names made unique per folder. */
class EvidenceArchive {

  private final EvidenceAccess access;
  private final EvidenceService service;

  EvidenceArchive(EvidenceAccess access, EvidenceService service) {
    this.access = access;
    this.service = service;
  }

  void write(String taskId, HttpServletResponse response) throws IOException {
    Caller caller = access.caller();
    Process process = access.process(caller, taskId);
    if (!caller.office()) {
      throw EvidenceRejectedException.forbidden("只有督查室和联席会议办公室可以打包下载全部佐证材料");
    }
    List<Evidence> files = service.visibleFiles(caller, process);
    if (files.isEmpty()) {
      throw EvidenceRejectedException.notFound("该任务还没有佐证材料");
    }
    String top = process.businessKey() == null ? "佐证材料" : process.businessKey() + "-佐证材料";
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", FileNames.contentDisposition(top + ".zip", false));
    response.setHeader("Cache-Control", "private, no-store");
    Set<String> used = new HashSet<>();
    try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
      for (Evidence file : files) {
        String folder = top + "/第" + file.round() + "轮/" + FileNames.clean(access.unitName(file.unit())) + "/";
        ZipEntry entry = new ZipEntry(unique(used, folder, file.name()));
        entry.setTimeLocal(file.uploadedAt());
        zip.putNextEntry(entry);
        service.copyContent(file, zip);
        zip.closeEntry();
      }
    }
  }

  private static String unique(Set<String> used, String folder, String name) {
    String candidate = folder + name;
    String extension = FileNames.extensionOf(name);
    String stem = extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
    for (int n = 2; !used.add(candidate); n++) {
      candidate = folder + stem + "（" + n + "）" + (extension.isEmpty() ? "" : "." + extension);
    }
    return candidate;
  }
}
