package duban.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.plan.PlanFormatException.Problem;
import duban.plan.Reading.Draft;
import duban.plan.Reading.UnknownUnit;
import duban.engine.CurrentUser;
import duban.engine.WithoutCaller;
import duban.unit.Role;
import org.camunda.bpm.engine.IdentityService;
import duban.supervision.Target;
import duban.supervision.TaskStatuses;
import duban.supervision.TaskTargets;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class PlanController {

  record PlanSummary(String code, String title, int sections, int items, int tasks) {}

  /** @param code null for a name the directory does not know (in a preview) */
  record UnitEntry(String name, String code, List<String> units, boolean needsDesignation) {}

  /**
   * @param row where the task is in the uploaded table (preview only)
   * @param cycle YEARLY, QUARTERLY, HALF_YEARLY or MONTHLY for 每年, 每季度…; null otherwise
   * @param milestones earlier dates of a staged time requirement; the deadline is the last
   */
  record TaskView(Integer row, Integer number, String section, String item, String measure, String timeRequirement,
      String deadline, boolean longTerm, String cycle, List<String> milestones, List<UnitEntry> leadUnits,
      List<UnitEntry> supportingUnits, String status, String statusLabel, boolean closed, List<Target> targets) {}

  record Preview(String title, Integer year, String format, Map<String, String> columns, List<TaskView> tasks,
      List<Problem> problems, List<UnknownUnit> unknownUnits, boolean importable) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlanCatalog catalog;
  private final PlanImporter importer;
  private final PlanFiles files;
  private final CurrentUser currentUser;
  private final TaskStatuses statuses;
  private final PlanSettings settings;
  private final IdentityService identityService;
  private final TaskTargets targets;

  PlanController(PlanCatalog catalog, PlanImporter importer, PlanFiles files, CurrentUser currentUser,
      TaskStatuses statuses, PlanSettings settings, IdentityService identityService, TaskTargets targets) {
    this.targets = targets;
    this.identityService = identityService;
    this.catalog = catalog;
    this.importer = importer;
    this.files = files;
    this.currentUser = currentUser;
    this.statuses = statuses;
    this.settings = settings;
  }

  @GetMapping("/api/plans")
  List<PlanSummary> plans() {
    return catalog.all().stream()
        .map(p -> new PlanSummary(p.code(), p.title(), p.sections().size(), p.items().size(), p.tasks().size()))
        .toList();
  }

  @GetMapping("/api/plans/{code}/tasks")
  List<TaskView> tasks(@PathVariable String code) {
    Plan plan = catalog.find(code).orElseThrow(() -> new NotFoundException("没有编号为 " + code + " 的计划"));
    Map<Integer, TaskStatuses.Status> status = statuses.of(code);
    return plan.tasks().stream()
        .map(t -> view(plan, t, status.get(t.number()), targets.of(code, t.number(), t.measure()))).toList();
  }

  /** Reads a table as the import would and answers what it found; stores nothing, starts nothing. */
  @PostMapping("/api/plans/preview")
  Preview preview(HttpServletRequest request, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String columns, @RequestParam(required = false) String defaultTime,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String sheet,
      @RequestParam(required = false) String fileName, @RequestParam(required = false) String targets)
      throws IOException {
    requireImporter();
    Map<Integer, List<Target>> corrected = this.targets.parseCorrections(targets);
    byte[] body = body(request, file);
    ImportOptions options = options(columns, defaultTime, year, sheet, fileName, file);
    PlanFiles.Parsed parsed = files.read(body, options.sheet());
    Reading reading = catalog.read("PREVIEW", parsed.table(), options);
    return new Preview(reading.title(), reading.year(), parsed.format().name().toLowerCase(), reading.columns(),
        reading.tasks().stream().map(d -> view(d, d.number() != null && corrected.containsKey(d.number())
            ? corrected.get(d.number()) : this.targets.of("PREVIEW", d.number() == null ? 0 : d.number(), d.measure())))
            .toList(),
        reading.problems(), reading.unknownUnits(), reading.importable());
  }

  /** Imports a table (.docx, .xlsx or text, as the body or as multipart {@code file}); 422 with its problems. */
  @PostMapping("/api/plans")
  @ResponseStatus(HttpStatus.CREATED)
  ImportResult importPlan(HttpServletRequest request, @RequestParam String code,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String columns, @RequestParam(required = false) String defaultTime,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String sheet,
      @RequestParam(required = false) String fileName, @RequestParam(required = false) String targets)
      throws IOException {
    requireImporter();
    // corrections of the extracted targets, made in the preview: {"3": [{text, value, unit, …}]}
    Map<Integer, List<Target>> corrected = this.targets.parseCorrections(targets);
    byte[] body = body(request, file);
    ImportOptions options = options(columns, defaultTime, year, sheet, fileName, file);
    String by = currentUser.id();
    // The office may import (checked above); the engine's own checks would ask for rights to start any process.
    return WithoutCaller.call(identityService, () -> importer.importFile(code, body, options, corrected, by));
  }

  private void requireImporter() {
    if (!currentUser.isAdmin() && !currentUser.inGroup(Role.SUPERVISION.groupId())) {
      throw new ForbiddenException("只有督查室和管理员可以导入任务分工表");
    }
  }

  /** The file: the multipart part, or the whole body; never more than the configured size is read. */
  private byte[] body(HttpServletRequest request, MultipartFile file) throws IOException {
    long limit = settings.maxUploadSize().toBytes();
    if (file != null) {
      if (file.getSize() > limit) {
        throw tooLarge();
      }
      return file.getBytes();
    }
    if (request.getContentLengthLong() > limit) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw tooLarge();
      }
      return bytes;
    }
  }

  private PlanFileException tooLarge() {
    return PlanFileException.tooLarge("文件大小超过上限 " + settings.maxUploadSize().toMegabytes() + " MB");
  }

  private static ImportOptions options(String columns, String defaultTime, Integer year, String sheet,
      String fileName, MultipartFile file) {
    Map<String, String> map = Map.of();
    if (columns != null && !columns.isBlank()) {
      try {
        map = JSON.readValue(columns, new TypeReference<Map<String, String>>() {});
      } catch (IOException e) {
        throw new IllegalArgumentException("columns 参数应为表头到列角色的 JSON 对象，如 {\"责任单位\":\"lead\"}");
      }
    }
    String name = fileName != null ? fileName : file == null ? null : file.getOriginalFilename();
    return new ImportOptions(map, defaultTime, year, sheet, name);
  }

  private static TaskView view(Plan plan, PlanTask task, TaskStatuses.Status status, List<Target> targets) {
    return new TaskView(
        null,
        task.number(),
        plan.sections().stream().filter(s -> s.number() == task.sectionNumber()).findFirst().orElseThrow().title(),
        plan.items().stream().filter(i -> i.number() == task.itemNumber()).findFirst().orElseThrow().title(),
        task.measure(),
        task.timeRequirement(),
        date(task.deadline()),
        task.longTerm(),
        task.cycle(),
        task.milestones().stream().map(LocalDate::toString).toList(),
        entries(task.leadUnits()),
        entries(task.supportingUnits()),
        status == null ? null : status.light(),
        status == null ? null : status.lightLabel(),
        status != null && status.ended(),
        targets);
  }

  private static TaskView view(Draft draft, List<Target> targets) {
    return new TaskView(draft.row(), draft.number(), draft.section(), draft.item(), draft.measure(),
        draft.timeRequirement(), date(draft.deadline()), draft.deadline() == null && draft.timeRequirement() != null,
        draft.cycle(), draft.milestones().stream().map(LocalDate::toString).toList(), entries(draft.leadUnits()),
        entries(draft.supportingUnits()), null, null, false, targets);
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static List<UnitEntry> entries(List<UnitRef> refs) {
    return refs.stream().map(r -> new UnitEntry(r.name(), r.code(), r.units(), r.needsDesignation())).toList();
  }
}
