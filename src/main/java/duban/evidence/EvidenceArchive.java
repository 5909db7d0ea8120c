package duban.evidence;

import duban.evidence.EvidenceAccess.Caller;
import duban.evidence.EvidenceAccess.Process;
import java.io.IOException;
import java.io.OutputStream;
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

  /** One task's evidence, checked for the caller: the ZIP's name and the files in it. */
  record Pack(String top, List<Evidence> files) {

    String fileName() {
      return top + ".zip";
    }
  }

  Pack pack(String taskId) {
    Caller caller = access.caller();
    Process process = access.process(caller, taskId);
    if (!caller.office()) {
      throw EvidenceRejectedException.forbidden("只有督查室和联席会议办公室可以打包下载全部佐证材料");
    }
    List<Evidence> files = service.visibleFiles(caller, process);
    if (files.isEmpty()) {
      throw EvidenceRejectedException.notFound("该任务还没有佐证材料");
    }
    return new Pack(process.businessKey() == null ? "佐证材料" : process.businessKey() + "-佐证材料", files);
  }

  void write(Pack pack, OutputStream out) throws IOException {
    String top = pack.top();
    Set<String> used = new HashSet<>();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Evidence file : pack.files()) {
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
