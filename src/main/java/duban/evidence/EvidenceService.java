package duban.evidence;

import duban.evidence.EvidenceAccess.Caller;
import duban.evidence.EvidenceAccess.Target;
import duban.supervision.Today;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaching, naming, removing and reading evidence. An upload is checked in this order, so nothing is stored unless
 * every check passed: may the caller attach (before anything is read), size, the task's totals, then the content
 * itself in a temporary file (type, declared type, name), and only then one transaction stores metadata and content.
 */
class EvidenceService {

  private final EvidenceStore store;
  private final EvidenceAccess access;
  private final EvidenceSettings settings;
  private final ContentInspector inspector;
  private final TransactionTemplate transaction;
  private final EvidenceJournal journal;

  EvidenceService(EvidenceStore store, EvidenceAccess access, EvidenceSettings settings, TransactionTemplate transaction,
      EvidenceJournal journal) {
    this.journal = journal;
    this.store = store;
    this.access = access;
    this.settings = settings;
    this.transaction = transaction;
    this.inspector = new ContentInspector(settings.maxUnpackedSize().toBytes());
  }

  /** Refuses an upload the caller may not make, before its body is read. */
  Target checkMayAttach(String taskId) {
    return access.attachTarget(access.caller(), taskId);
  }

  Evidence attach(String taskId, String originalName, String declaredType, long size, InputStream content)
      throws IOException {
    Caller caller = access.caller();
    Target target = access.attachTarget(caller, taskId);
    if (size == 0) {
      throw EvidenceRejectedException.badFile("文件为空（0 字节），请选择有内容的文件");
    }
    checkSize(size);
    checkTotals(target.processInstanceId(), Math.max(size, 0));
    Path temp = Files.createTempFile("duban-evidence-", ".upload");
    try {
      String sha256 = copyCapped(content, temp);
      long actual = Files.size(temp);
      FileKind kind = inspector.inspect(temp);
      checkDeclaredType(declaredType, kind);
      String name = FileNames.forUpload(originalName, kind);
      checkTotals(target.processInstanceId(), actual);
      Evidence evidence = new Evidence(UUID.randomUUID().toString(), target.processInstanceId(), target.businessKey(),
          target.taskId(), target.taskKey(), target.taskName(), target.round(), target.unit(), caller.userId(),
          Today.now(), name, kind, actual, sha256);
      transaction.executeWithoutResult(status -> {
        try (InputStream in = Files.newInputStream(temp)) {
          store.insert(evidence, in);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        // submitted while the file was being checked: the round is closed, the file goes with nothing
        if (!access.taskOpen(taskId)) {
          throw EvidenceRejectedException.frozen("该环节已提交，佐证材料不能再添加");
        }
        journal.added(evidence);
      });
      return evidence;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  Evidence rename(String id, String newName) {
    Caller caller = access.caller();
    Evidence file = readable(caller, id);
    access.checkMayChange(caller, file);
    if (newName == null || newName.isBlank()) {
      throw EvidenceRejectedException.badFile("请填写文件名");
    }
    String name = FileNames.renamed(newName, file.kind());
    store.rename(id, name);
    return file.withName(name);
  }

  void delete(String id) {
    Caller caller = access.caller();
    Evidence file = readable(caller, id);
    access.checkMayChange(caller, file);
    transaction.executeWithoutResult(status -> {
      store.delete(id);
      journal.removed(file);
    });
  }

  /** A file the caller may read; any other id answers as if it did not exist. */
  Evidence readable(Caller caller, String id) {
    Evidence file = store.find(id).orElseThrow(() -> notFound(id));
    if (!access.mayRead(caller, file, access.primaryLead(file.processInstanceId()))) {
      throw notFound(id);
    }
    return file;
  }

  Evidence readable(String id) {
    return readable(access.caller(), id);
  }

  void copyContent(Evidence file, OutputStream out) {
    store.copyContent(file.id(), out);
  }

  /** The files of a task's process that the caller may read, oldest round first. */
  List<Evidence> visibleFiles(Caller caller, EvidenceAccess.Process process) {
    return store.ofProcess(process.processInstanceId()).stream()
        .filter(file -> access.mayRead(caller, file, process.primaryLead())).toList();
  }

  long[] totals(String processInstanceId) {
    return store.totals(processInstanceId);
  }

  private void checkSize(long size) {
    if (size > settings.maxFileSize().toBytes()) {
      throw EvidenceRejectedException.tooLarge("文件超过单个文件的大小上限 " + Sizes.of(settings.maxFileSize().toBytes())
          + (size > 0 ? "（本文件 " + Sizes.of(size) + "）" : ""));
    }
  }

  private void checkTotals(String processInstanceId, long adding) {
    long[] totals = store.totals(processInstanceId);
    if (totals[0] >= settings.maxTaskFiles()) {
      throw EvidenceRejectedException.tooLarge("本任务的佐证材料已有 " + totals[0] + " 个，达到上限 " + settings.maxTaskFiles() + " 个");
    }
    if (totals[1] + adding > settings.maxTaskSize().toBytes()) {
      throw EvidenceRejectedException.tooLarge("本任务的佐证材料合计将超过上限 " + Sizes.of(settings.maxTaskSize().toBytes())
          + "（已有 " + Sizes.of(totals[1]) + "）");
    }
  }

  /** Copies at most the per-file limit; a longer stream is refused without being kept. */
  private String copyCapped(InputStream content, Path temp) throws IOException {
    long limit = settings.maxFileSize().toBytes();
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(temp)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > limit) {
          checkSize(total);
        }
        out.write(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The type the client declared must agree with the content; browsers send octet-stream for types they don't know. */
  static void checkDeclaredType(String declared, FileKind kind) {
    if (declared == null || declared.isBlank()) {
      return;
    }
    String type = declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (type.equals("application/octet-stream") || type.equals(kind.mediaType()) || aliases(kind).contains(type)) {
      return;
    }
    throw EvidenceRejectedException.badFile("声明的文件类型（" + type + "）与文件内容（" + kind.label() + "）不符，已拒绝");
  }

  private static Set<String> aliases(FileKind kind) {
    return switch (kind) {
      case JPEG -> Set.of("image/jpg", "image/pjpeg");
      case PNG -> Set.of("image/x-png");
      case PDF -> Set.of("application/x-pdf");
      case DOC, DOCX -> Set.of(FileKind.DOC.mediaType(), FileKind.DOCX.mediaType());
      case XLS, XLSX -> Set.of(FileKind.XLS.mediaType(), FileKind.XLSX.mediaType());
      case OFD -> Set.of("application/zip", "application/x-zip-compressed");
    };
  }

  private static EvidenceRejectedException notFound(String id) {
    return EvidenceRejectedException.notFound("佐证材料不存在或无权查看：" + id);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
