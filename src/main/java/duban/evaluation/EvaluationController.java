package duban.evaluation;

import duban.plan.Plan;
import duban.plan.PlanCatalog;
import duban.engine.CurrentUser;
import duban.supervision.SupervisionProcess;
import duban.supervision.Today;
import duban.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 结果考评 of a plan, for a period ({@code ?period=2026-11} or {@code 2026-Q4}) or the whole plan. The offices and
 * administrators see every unit; a unit's staff see their own unit's scores and parts only.
 */
@RestController
class EvaluationController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final List<String> OVERSEERS = List.of(SupervisionProcess.SUPERVISION_GROUP,
      SupervisionProcess.JOINT_OFFICE_GROUP);

  private final Evaluations evaluations;
  private final PlanCatalog catalog;
  private final CurrentUser currentUser;

  EvaluationController(Evaluations evaluations, PlanCatalog catalog, CurrentUser currentUser) {
    this.evaluations = evaluations;
    this.catalog = catalog;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/plans/{code}/evaluation")
  Evaluation evaluation(@PathVariable String code, @RequestParam(required = false) String period) {
    plan(code);
    return evaluations.of(code, evaluations.period(code, period), Today.date(), visible());
  }

  @GetMapping("/api/plans/{code}/evaluation.xlsx")
  ResponseEntity<byte[]> workbook(@PathVariable String code, @RequestParam(required = false) String period) {
    Plan plan = plan(code);
    Evaluation evaluation = evaluations.of(code, evaluations.period(code, period), Today.date(), visible());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(code + "-结果考评-" + (period == null ? "全程" : period.strip()) + ".xlsx", StandardCharsets.UTF_8)
            .build().toString())
        .contentType(MediaType.parseMediaType(XLSX)).body(EvaluationWorkbook.write(plan.title(), evaluation));
  }

  private Plan plan(String code) {
    return catalog.find(code).orElseThrow(() -> new NotFoundException("没有编号为 " + code + " 的任务分工表"));
  }

  private Predicate<String> visible() {
    if (currentUser.isAdmin() || OVERSEERS.stream().anyMatch(currentUser::inGroup)) {
      return unit -> true;
    }
    return currentUser::inGroup;
  }
}
