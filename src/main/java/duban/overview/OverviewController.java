package duban.overview;

import duban.plan.Plan;
import duban.plan.PlanCatalog;
import duban.engine.CurrentUser;
import duban.supervision.TargetProgress;
import duban.supervision.Today;
import duban.unit.UnitDirectory;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 督办总览, a task's timeline and the 督办台账, under {@code /api} (HTTP Basic, or the webapps' login session for the
 * Cockpit plugin).
 */
@RestController
class OverviewController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  record TaskLine(int number, int section, String title, String stage, String status, String statusLabel,
      List<String> leadUnits, List<String> supportingUnits, LocalDate dueDate, int daysOverdue, Integer daysLeft,
      int returns, String processInstanceId, List<TargetLine> targets) {}

  /** A target of a task with its progress: percent = achieved ÷ target; lagPoints behind the linear pace. */
  record TargetLine(int slot, String text, String label, java.math.BigDecimal value, String unit,
      java.math.BigDecimal achieved, Double percent, Double lagPoints) {}

  record Event(LocalDateTime at, String kind, String actor, String actorName, String unit, String what) {}

  record Timeline(String planCode, int number, String title, String stage, String status, String statusLabel,
      LocalDate dueDate, List<String> leadUnits, List<String> supportingUnits, String processInstanceId,
      List<Event> events) {}

  private final PlanCatalog catalog;
  private final Overviews overviews;
  private final ReadModel readModel;
  private final ReadModelRebuild rebuild;
  private final CallerScope callerScope;
  private final CurrentUser currentUser;
  private final UnitDirectory directory;
  private final IdentityService identityService;

  OverviewController(PlanCatalog catalog, Overviews overviews, ReadModel readModel, ReadModelRebuild rebuild,
      CallerScope callerScope, CurrentUser currentUser, UnitDirectory directory, IdentityService identityService) {
    this.catalog = catalog;
    this.overviews = overviews;
    this.readModel = readModel;
    this.rebuild = rebuild;
    this.callerScope = callerScope;
    this.currentUser = currentUser;
    this.directory = directory;
    this.identityService = identityService;
  }

  @GetMapping("/api/plans/{code}/overview")
  Map<String, Object> overview(@PathVariable String code) {
    Plan plan = plan(code);
    Scope scope = callerScope.current();
    List<OverviewTask> tasks = visible(code, scope);
    OverviewFigures figures = OverviewFigures.of(plan, tasks, scope, directory, overviews.warningDays(), Today.date());
    Map<Integer, List<TargetProgress>> targets = overviews.targets(code);
    Map<Integer, Integer> sections = new HashMap<>();
    plan.tasks().forEach(t -> sections.put(t.number(), t.sectionNumber()));
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("planCode", figures.planCode());
    body.put("planTitle", figures.planTitle());
    body.put("asOf", figures.asOf());
    body.put("scope", scope.everything() ? "ALL" : String.join(",", scope.units()));
    body.put("tasks", figures.tasks());
    body.put("byStatus", figures.byStatus());
    body.put("byStage", figures.byStage());
    body.put("bySection", figures.bySection());
    body.put("byUnit", figures.byUnit());
    body.put("supportingUnits", figures.supportingUnits());
    body.put("dueSoon", figures.dueSoon());
    body.put("overdue", figures.overdue());
    body.put("list", tasks.stream().map(t -> new TaskLine(t.number(), sections.getOrDefault(t.number(), 0),
        t.stored().title(), t.stage().label(), t.status().name(), t.status().label(),
        names(t.stored().leadUnits()), names(t.stored().supportingUnits()), t.dueDate(),
        t.daysOverdue(), t.daysLeft(), t.stored().reviewRounds(), t.stored().processInstanceId(),
        targets.getOrDefault(t.number(), List.of()).stream().map(p -> new TargetLine(p.slot(), p.target().text(),
            p.target().label(), p.target().value(), p.target().unit(), p.achieved(), p.percent(),
            t.stored().closed() ? null : p.lagPoints(Today.date()))).toList())).toList());
    return body;
  }

  @GetMapping("/api/plans/{code}/tasks/{number}/timeline")
  Timeline timeline(@PathVariable String code, @PathVariable int number) {
    plan(code);
    OverviewTask task = overviews.tasks(code).stream().filter(t -> t.number() == number).findFirst()
        .orElseThrow(() -> new NotFoundException("计划 " + code + " 没有第 " + number + " 项任务"));
    if (!callerScope.current().sees(task.stored())) {
      throw new ForbiddenException("第 " + number + " 项任务不由本单位牵头或配合，无权查看其办理过程");
    }
    List<TimelineEntry> entries = readModel.events(code, number);
    Set<String> actors = entries.stream().map(TimelineEntry::actor).filter(a -> a != null).collect(Collectors.toSet());
    Map<String, String> names = new HashMap<>();
    if (!actors.isEmpty()) {
      for (User user : identityService.createUserQuery().userIdIn(actors.toArray(String[]::new)).list()) {
        names.put(user.getId(), ((user.getFirstName() == null ? "" : user.getFirstName())
            + (user.getLastName() == null ? "" : user.getLastName())).strip());
      }
    }
    StoredTask s = task.stored();
    return new Timeline(code, number, s.title(), task.stage().label(), task.status().name(), task.status().label(),
        task.dueDate(), names(s.leadUnits()), names(s.supportingUnits()), s.processInstanceId(),
        entries.stream().map(e -> new Event(e.at(), e.kind(), e.actor(),
            e.actor() == null ? "系统" : names.getOrDefault(e.actor(), e.actor()), e.unit(), e.what())).toList());
  }

  @GetMapping("/api/plans/{code}/ledger.xlsx")
  ResponseEntity<byte[]> ledger(@PathVariable String code, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String status) {
    Plan plan = plan(code);
    Scope scope = callerScope.current();
    List<String> notes = new ArrayList<>();
    List<OverviewTask> tasks = visible(code, scope);
    if (unit != null && !unit.isBlank()) {
      String unitCode = directory.byCode(unit.strip()).or(() -> directory.byName(unit.strip()))
          .orElseThrow(() -> new IllegalArgumentException("未知单位：" + unit)).code();
      tasks = tasks.stream().filter(t -> t.stored().involves(unitCode)).toList();
      notes.add("单位：" + OverviewFigures.name(directory, unitCode));
    }
    if (status != null && !status.isBlank()) {
      Set<Status> wanted = EnumSet.noneOf(Status.class);
      for (String name : status.split(",")) {
        wanted.add(Status.named(name).orElseThrow(() -> new IllegalArgumentException(
            "未知状态：" + name.strip() + "（可用 RED、YELLOW、GREEN、DONE，或 红灯、黄灯、绿灯、已办结）")));
      }
      tasks = tasks.stream().filter(t -> wanted.contains(t.status())).toList();
      notes.add("状态：" + wanted.stream().map(Status::label).collect(Collectors.joining("、")));
    }
    LocalDate today = Today.date();
    OverviewFigures figures = OverviewFigures.of(plan, tasks, scope, directory, overviews.warningDays(), today);
    byte[] xlsx = new Ledger(directory).write(plan, figures, tasks, today, String.join("　", notes),
        overviews.targets(code), overviews.evidenceFiles(code));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("督办台账-" + code + "-" + today + ".xlsx", StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType(XLSX))
        .body(xlsx);
  }

  /** The repair command: the plan's rows rebuilt from the engine. */
  @PostMapping("/api/plans/{code}/overview/rebuild")
  Map<String, Object> rebuild(@PathVariable String code) {
    if (!currentUser.isAdmin()) {
      throw new ForbiddenException("只有管理员可以重建督办总览");
    }
    plan(code);
    return Map.of("planCode", code, "tasks", rebuild.rebuild(code));
  }

  private List<String> names(List<String> codes) {
    return codes.stream().map(u -> OverviewFigures.name(directory, u)).toList();
  }

  private List<OverviewTask> visible(String code, Scope scope) {
    return overviews.tasks(code).stream().filter(t -> scope.sees(t.stored())).toList();
  }

  private Plan plan(String code) {
    return catalog.find(code).orElseThrow(() -> new NotFoundException("没有编号为 " + code + " 的计划"));
  }
}
