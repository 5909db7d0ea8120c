package duban.reminder;

import duban.engine.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reminders}: the notices on record, by unit and task. Unit staff see their own unit's only. */
@RestController
class ReminderController {

  /**
   * A notice, with each of its deliveries: the digest (通知单) that carried it to each recipient, its subject and how
   * many tasks it listed.
   */
  record NoticeView(String kind, String kindLabel, String task, List<String> to, List<String> cc, String subject,
      String body, String deliverAfter, String createdAt, String status, String lastError, String sentAt,
      List<DeliveryView> deliveries) {}

  record DeliveryView(String recipient, String digest, String subject, int tasks, String status) {}

  private final NoticeStore store;
  private final DispatchStore dispatches;
  private final CurrentUser currentUser;

  ReminderController(NoticeStore store, DispatchStore dispatches, CurrentUser currentUser) {
    this.store = store;
    this.dispatches = dispatches;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/reminders")
  List<NoticeView> reminders(@RequestParam(required = false) String unit, @RequestParam(required = false) String task) {
    List<String> groups = currentUser.groupIds();
    boolean seesAll = currentUser.isAdmin() || groups.contains("supervision") || groups.contains("jointoffice");
    if (!seesAll && (unit == null || !groups.contains(unit))) {
      if (unit != null) {
        throw new duban.web.ForbiddenException("只能查看本单位的提醒：" + unit);
      }
      return groups.stream().flatMap(g -> store.find(g, task).stream()).distinct().map(this::view).toList();
    }
    return store.find(unit, task).stream().map(this::view).toList();
  }

  private NoticeView view(Notice n) {
    List<DeliveryView> deliveries = dispatches.deliveries(n.id()).stream()
        .map(d -> new DeliveryView(d.recipient().startsWith("unit:") ? d.recipient().substring(5)
                : "责任人 " + d.recipient().substring("person:".length()).split("/")[0],
            d.digestId(), d.subject(), d.tasks(), d.status())).toList();
    return new NoticeView(n.kind().name(), n.kind().label(), n.businessKey(), n.toUnits(), n.ccUnits(), n.subject(),
        n.body(), n.deliverAfter().toString(), n.createdAt().toString(), n.status(), n.lastError(),
        n.sentAt() == null ? null : n.sentAt().toString(), deliveries);
  }
}
