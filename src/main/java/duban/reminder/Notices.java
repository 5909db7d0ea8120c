package duban.reminder;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Notices other processes send through the same store and channels: recorded once per event, in the caller's
 * transaction, and delivered by the held-notice sweep once committed and inside office hours (a claim commits on a
 * connection of its own, so a notice cannot be sent by the transaction that records it).
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
}
