package duban.reminder;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A notice that belongs to no single task's process (a 情况通报 to every unit): recorded in the notice store like
 * the others and delivered by the delivery round, with its claim and retries, one message per recipient.
 */
@Component
public class Announcements {

  private final NoticeRecorder recorder;

  Announcements(NoticeRecorder recorder) {
    this.recorder = recorder;
  }

  /** Recorded once per dedupe key; the subject gets the 【情况通报】 mark. */
  public void announce(String dedupeKey, String businessKey, List<String> to, String subject, String text) {
    recorder.recordNow(businessKey, dedupeKey, NoticeKind.BULLETIN, to, List.of(), subject, text);
  }
}
