package duban.reminder;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Notices other processes send through the same store and channels: recorded once per event, held to office hours,
 * delivered now if they may go, by the next attempt of the calling job otherwise.
 */
@Component
public class Notices {

  private final NoticeRecorder recorder;
  private final NoticeDelivery delivery;

  Notices(NoticeRecorder recorder, NoticeDelivery delivery) {
    this.recorder = recorder;
    this.delivery = delivery;
  }

  /**
   * Records and delivers a 容错纠错 notice. The execution must carry the task's context variables (taskNumber,
   * taskTitle, measure, …) as the supervision process names them.
   */
  public void tolerance(DelegateExecution execution, String event, List<String> to, List<String> cc, String situation) {
    recorder.record(execution, execution.getProcessBusinessKey() + "|TOLERANCE|" + event, NoticeKind.TOLERANCE, to, cc,
        situation);
    delivery.deliverDue(execution.getProcessInstanceId());
  }

  /** Delivers what is due for an instance; throws (failing the job, so it is retried) if a channel fails. */
  public void deliverDue(DelegateExecution execution) {
    delivery.deliverDue(execution.getProcessInstanceId());
  }
}
