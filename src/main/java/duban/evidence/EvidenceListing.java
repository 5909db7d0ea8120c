package duban.evidence;

import duban.evidence.EvidenceAccess.Caller;
import duban.evidence.EvidenceAccess.Process;
import duban.engine.WithoutCaller;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** What the Tasklist tab shows for a task: the files the caller may read by round, and whether it may add more. */
class EvidenceListing {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  record FileView(String id, String name, long size, String sizeText, String type, String typeLabel, String unit,
      String unitName, String uploadedBy, String uploadedByName, String uploadedAt, String step, boolean editable,
      boolean previewable) {}

  record Round(int round, String label, List<FileView> files) {}

  record Listing(String taskId, String businessKey, boolean canAttach, String attachNote, String accepted,
      long maxFileSize, String limits, boolean canDownloadAll, List<Round> rounds) {}

  private final EvidenceAccess access;
  private final EvidenceService service;
  private final EvidenceSettings settings;
  private final IdentityService identityService;

  EvidenceListing(EvidenceAccess access, EvidenceService service, EvidenceSettings settings,
      IdentityService identityService) {
    this.access = access;
    this.service = service;
    this.settings = settings;
    this.identityService = identityService;
  }

  Listing of(String taskId) {
    Caller caller = access.caller();
    Process process = access.process(caller, taskId);
    boolean canAttach;
    String note;
    try {
      access.attachTarget(caller, taskId);
      canAttach = true;
      note = "提交本环节后，本轮材料即随报送封存，不能再增删";
    } catch (EvidenceRejectedException refused) {
      canAttach = false;
      // why a unit cannot add files helps it; reviewers never add any
      note = caller.office() ? null : refused.getMessage();
    }
    Map<String, Boolean> openTasks = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Map<Integer, List<FileView>> byRound = new LinkedHashMap<>();
    for (Evidence file : service.visibleFiles(caller, process)) {
      boolean editable = caller.in(file.unit()) && openTasks.computeIfAbsent(file.taskId(), access::taskOpen);
      byRound.computeIfAbsent(file.round(), r -> new ArrayList<>()).add(new FileView(file.id(), file.name(),
          file.size(), Sizes.of(file.size()), file.kind().mediaType(), file.kind().label(), file.unit(),
          access.unitName(file.unit()), file.uploadedBy(), names.computeIfAbsent(file.uploadedBy(), this::userName),
          WHEN.format(file.uploadedAt()), file.taskName(), editable, file.kind().previewable()));
    }
    List<Round> rounds = byRound.entrySet().stream()
        .map(e -> new Round(e.getKey(), "第" + e.getKey() + "轮", e.getValue())).toList();
    long[] totals = service.totals(process.processInstanceId());
    String limits = "单个文件不超过 " + Sizes.of(settings.maxFileSize().toBytes()) + "；本任务合计不超过 "
        + Sizes.of(settings.maxTaskSize().toBytes()) + "、" + settings.maxTaskFiles() + " 个（已有 " + totals[0] + " 个，"
        + Sizes.of(totals[1]) + "）";
    return new Listing(taskId, process.businessKey(), canAttach, note, FileKind.ACCEPTED,
        settings.maxFileSize().toBytes(), limits, caller.office() && !rounds.isEmpty(), rounds);
  }

  private String userName(String userId) {
    User user = WithoutCaller.call(identityService,
        () -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getLastName() == null ? "" : user.getLastName())
        + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
