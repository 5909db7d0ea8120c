package duban.reminder;

import static duban.supervision.SupervisionVariables.*;

import duban.calendar.WorkingCalendar;
import duban.supervision.ReportParts;
import duban.supervision.SupervisionProcess;
import duban.supervision.TaskStatus;
import duban.supervision.Today;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The deadline ladder of one task, checked whenever its timer fires: the 红黄绿灯 status, the notice for the rung
 * reached (if not yet recorded), and when to look again. The ladder runs while the work is with the lead units; a
 * report in review stops it, a returned report resumes it, and an open 容错 application pauses 逾期督办.
 */
@Service
class LadderService {

  private final NoticeRecorder recorder;
  private final TaskStatus status;
  private final DeadlineLadder ladder;

  LadderService(NoticeRecorder recorder, TaskStatus status, ReminderSettings settings, WorkingCalendar calendar) {
    this.recorder = recorder;
    this.status = status;
    this.ladder = new DeadlineLadder(settings.approachingDays(), settings.urgeDays(), settings.overdueRepeat(),
        calendar.officeHours().start());
  }

  void check(DelegateExecution execution) {
    LocalDateTime now = Today.now();
    LocalDate due = TaskStatus.dueDate(execution);
    status.refresh(execution);

    // the lead units the work is still with: in a broken-down task, the members not yet approved or in review
    List<String> leads = ReportParts.outstanding(execution);
    if (!leads.isEmpty()) {
      ladder.reached(due, now).ifPresent(rung -> {
        if (rung.kind() == NoticeKind.OVERDUE && TOLERANCE_OPEN.isTrue(execution)) {
          return;
        }
        String situation = NoticeRecorder.remaining(due, now.toLocalDate());
        String key = rung.key(execution.getProcessBusinessKey());
        switch (rung.kind()) {
          case APPROACHING -> recorder.record(execution, key, rung.kind(), leads, List.of(), situation);
          case URGE -> recorder.record(execution, key, rung.kind(), leads, List.of(SupervisionProcess.SUPERVISION_GROUP), situation);
          default -> recorder.record(execution, key, rung.kind(), List.of(SupervisionProcess.SUPERVISION_GROUP), leads, situation);
        }
      });
    }
  }

  /** When to look again: the next rung, or the next weekly repeat. The notices go out with the delivery round. */
  void scheduleNext(DelegateExecution execution) {
    LocalDateTime now = Today.now();
    LocalDateTime next = ladder.next(TaskStatus.dueDate(execution), now);
    NEXT_LADDER_CHECK.set(execution, (next.isBefore(now) ? now : next).toString());
  }
}
