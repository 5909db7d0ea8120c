package duban.plan;

import duban.security.CurrentUser;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import java.util.List;
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
      boolean longTerm, List<UnitEntry> leadUnits, List<UnitEntry> supportingUnits) {}

  private final PlanCatalog catalog;
  private final PlanImporter importer;
  private final CurrentUser currentUser;

  PlanController(PlanCatalog catalog, PlanImporter importer, CurrentUser currentUser) {
    this.catalog = catalog;
    this.importer = importer;
    this.currentUser = currentUser;
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
    return plan.tasks().stream().map(t -> view(plan, t)).toList();
  }

  @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  @ResponseStatus(HttpStatus.CREATED)
  ImportResult importPlan(@RequestParam String code, @RequestBody String text) {
    if (!currentUser.isAdmin()) {
      throw new ForbiddenException("只有管理员可以导入任务分工表");
    }
    return importer.importPlan(code, text);
  }

  private static TaskView view(Plan plan, PlanTask task) {
    return new TaskView(
        task.number(),
        plan.sections().stream().filter(s -> s.number() == task.sectionNumber()).findFirst().orElseThrow().title(),
        plan.items().stream().filter(i -> i.number() == task.itemNumber()).findFirst().orElseThrow().title(),
        task.measure(),
        task.timeRequirement(),
        task.deadline() == null ? null : task.deadline().toString(),
        task.longTerm(),
        entries(task.leadUnits()),
        entries(task.supportingUnits()));
  }

  private static List<UnitEntry> entries(List<UnitRef> refs) {
    return refs.stream().map(r -> new UnitEntry(r.name(), r.units(), r.needsDesignation())).toList();
  }
}
