package duban.target;

import duban.engine.CurrentUser;
import duban.supervision.Target;
import duban.supervision.TargetProgress;
import duban.supervision.Today;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A task's targets with their progress, the values reported against them and the office's corrections. */
@RestController
class TargetController {

  record TargetView(int slot, String text, BigDecimal value, BigDecimal upper, String unit, String comparator,
      boolean perYear, LocalDate dueBy, String label, BigDecimal achieved, Double percent, Double lagPoints) {}

  record ValueView(int slot, String target, String period, BigDecimal achieved, LocalDateTime reportedAt,
      String reportedBy) {}

  record TaskTargetsView(String planCode, int taskNumber, List<TargetView> targets, List<ValueView> history,
      List<TargetBook.Change> changes) {}

  private final TargetBook book;
  private final TargetChanges changes;
  private final CurrentUser currentUser;

  TargetController(TargetBook book, TargetChanges changes, CurrentUser currentUser) {
    this.book = book;
    this.changes = changes;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/plans/{code}/tasks/{number}/targets")
  TaskTargetsView targets(@PathVariable String code, @PathVariable int number) {
    if (!book.isSettled(code, number)) {
      throw new NotFoundException("计划 " + code + " 中没有已导入的第 " + number + " 项任务");
    }
    LocalDate today = Today.date();
    List<TargetView> targets = book.progress(code, number, today).stream().map(p -> view(p, today)).toList();
    Map<String, TargetBook.Stored> byId = new HashMap<>();
    book.stored(code, number).forEach(s -> byId.put(s.id(), s));
    List<ValueView> history = book.history(code, number).stream()
        .map(r -> {
          TargetBook.Stored s = byId.get(r.targetId());
          return new ValueView(s == null ? 0 : s.slot(), s == null ? "（已删除的目标）" : s.target().label(), r.period(),
              Target.normal(r.achieved()), r.at(), r.by());
        }).toList();
    return new TaskTargetsView(code, number, targets, history, book.changes(code, number));
  }

  @PostMapping("/api/plans/{code}/tasks/{number}/targets")
  List<Target> add(@PathVariable String code, @PathVariable int number, @RequestBody String body) {
    return changes.add(code, number, TargetInput.one(body), office());
  }

  @PutMapping("/api/plans/{code}/tasks/{number}/targets/{slot}")
  List<Target> edit(@PathVariable String code, @PathVariable int number, @PathVariable int slot,
      @RequestBody String body) {
    return changes.edit(code, number, slot, TargetInput.one(body), office());
  }

  @DeleteMapping("/api/plans/{code}/tasks/{number}/targets/{slot}")
  List<Target> remove(@PathVariable String code, @PathVariable int number, @PathVariable int slot) {
    return changes.remove(code, number, slot, office());
  }

  private String office() {
    if (!currentUser.isAdmin() && !currentUser.inGroup("supervision")) {
      throw new ForbiddenException("只有督查室和管理员可以修改量化目标");
    }
    return currentUser.id();
  }

  private static TargetView view(TargetProgress p, LocalDate today) {
    Target t = p.target();
    return new TargetView(p.slot(), t.text(), t.value(), t.upper(), t.unit(), t.comparator(), t.perYear(), t.dueBy(),
        t.label(), p.achieved() == null ? null : Target.normal(p.achieved()), p.percent(), p.lagPoints(today));
  }
}
