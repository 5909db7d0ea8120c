package duban.reminder;

import duban.security.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reminders}: the notices on record, by unit and task. Unit staff see their own unit's only. */
@RestController
class ReminderController {

  record NoticeView(String kind, String kindLabel, String task, List<String> to, List<String> cc, String subject,
      String body, String deliverAfter, String createdAt, String status, int attempts, String lastError, String sentAt) {}

  private final NoticeStore store;
  private final CurrentUser currentUser;
  private final IdentityService identityService;

  ReminderController(NoticeStore store, CurrentUser currentUser, IdentityService identityService) {
    this.store = store;
    this.currentUser = currentUser;
    this.identityService = identityService;
  }

  @GetMapping("/api/reminders")
  List<NoticeView> reminders(@RequestParam(required = false) String unit, @RequestParam(required = false) String task) {
    List<String> groups = identityService.getCurrentAuthentication().getGroupIds();
    boolean seesAll = currentUser.isAdmin() || groups.contains("supervision") || groups.contains("jointoffice");
    if (!seesAll && (unit == null || !groups.contains(unit))) {
      if (unit != null) {
        throw new duban.web.ForbiddenException("只能查看本单位的提醒：" + unit);
      }
      return groups.stream().flatMap(g -> store.find(g, task).stream()).distinct().map(ReminderController::view).toList();
    }
    return store.find(unit, task).stream().map(ReminderController::view).toList();
  }

  private static NoticeView view(Notice n) {
    return new NoticeView(n.kind().name(), n.kind().label(), n.businessKey(), n.toUnits(), n.ccUnits(), n.subject(),
        n.body(), n.deliverAfter().toString(), n.createdAt().toString(), n.status(), n.attempts(), n.lastError(),
        n.sentAt() == null ? null : n.sentAt().toString());
  }
}
