package duban.plan;

import duban.security.CurrentUser;
import duban.supervision.TaskStatuses;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
class PlanController {

  record PlanSummary(String code, String title, int sections, int items, int tasks) {}

  record UnitEntry(String name, List<String> units, boolean needsDesignation) {}

  record TaskView(int number, String section, String item, String measure, String timeRequirement, String deadline,
      boolean longTerm, List<UnitEntry> leadUnits, List<UnitEntry> supportingUnits, String status, String statusLabel,
      boolean closed) {}

  private final PlanCatalog catalog;
  private final PlanImporter importer;
  private final CurrentUser currentUser;
  private final TaskStatuses statuses;

  PlanController(PlanCatalog catalog, PlanImporter importer, CurrentUser currentUser, TaskStatuses statuses) {
    this.catalog = catalog;
    this.importer = importer;
    this.currentUser = currentUser;
    this.statuses = statuses;
  }

  @GetMapping
  List<PlanSummary> plans() {
    return catalog.all().stream()
        .map(p -> new PlanSummary(p.code(), p.title(), p.sections().size(), p.items().size(), p.tasks().size()))
        .toList();
  }

  @GetMapping("/{code}/tasks")
  List<TaskView> tasks(@PathVariable String code) {
    Plan plan = catalog.find(code).orElseThrow(() -> new NotFoundException("没有编号为 " + code + " 的计划"));
    Map<Integer, TaskStatuses.Status> status = statuses.of(code);
    return plan.tasks().stream().map(t -> view(plan, t, status.get(t.number()))).toList();
  }

  @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  @ResponseStatus(HttpStatus.CREATED)
  ImportResult importPlan(@RequestParam String code, @RequestBody String text) {
    if (!currentUser.isAdmin()) {
      throw new ForbiddenException("只有管理员可以导入任务分工表");
    }
    return importer.importPlan(code, text);
  }

  private static TaskView view(Plan plan, PlanTask task, TaskStatuses.Status status) {
    return new TaskView(
        task.number(),
        plan.sections().stream().filter(s -> s.number() == task.sectionNumber()).findFirst().orElseThrow().title(),
        plan.items().stream().filter(i -> i.number() == task.itemNumber()).findFirst().orElseThrow().title(),
        task.measure(),
        task.timeRequirement(),
        task.deadline() == null ? null : task.deadline().toString(),
        task.longTerm(),
        entries(task.leadUnits()),
        entries(task.supportingUnits()),
        status == null ? null : status.light(),
        status == null ? null : status.lightLabel(),
        status != null && status.ended());
  }

  private static List<UnitEntry> entries(List<UnitRef> refs) {
    return refs.stream().map(r -> new UnitEntry(r.name(), r.units(), r.needsDesignation())).toList();
  }
}
