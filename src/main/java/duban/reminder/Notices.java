package duban.reminder;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Notices other processes send through the same store and channels: recorded once per event, in the caller's
 * transaction, and delivered by the delivery round ({@link NoticeDispatcher}) once committed and inside office hours.
 */
@Component
public class Notices {

  private final NoticeRecorder recorder;

  Notices(NoticeRecorder recorder) {
    this.recorder = recorder;
  }

  /**
   * Records and delivers a 容错纠错 notice. The execution must carry the task's context variables (taskNumber,
   * taskTitle, measure, …) as the supervision process names them.
   */
  public void tolerance(DelegateExecution execution, String event, List<String> to, List<String> cc, String situation) {
    recorder.record(execution, execution.getProcessBusinessKey() + "|TOLERANCE|" + event, NoticeKind.TOLERANCE, to, cc,
        situation);
  }

  /**
   * Records an account notice (a lock-out) about no task, once per event, to go out with the next sweep whatever the
   * hour: it is about security, not work.
   */
  public void account(String userId, String event, List<String> to, List<String> cc, String subject, String text) {
    recorder.recordNow("account:" + userId, "ACCOUNT|" + userId + "|" + event, NoticeKind.ACCOUNT, to, cc, subject, text);
  }
}
