package duban.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One notice to one or more units, recorded before it is delivered. The dedupe key names the event it reports (task,
 * rung, due date, week), so the same event is never recorded twice, whoever notices it. {@code channels} are the
 * channels (see {@link NoticeChannels}) that already carried it, so a retry or a takeover sends only the others.
 */
public record Notice(
    String id,
    String dedupeKey,
    NoticeKind kind,
    String businessKey,
    String processInstanceId,
    List<String> toUnits,
    List<String> ccUnits,
    String subject,
    String body,
    Instant deliverAfter,
    Instant createdAt,
    String status,
    int attempts,
    String lastError,
    Instant sentAt,
    Set<String> channels) {

  public Notice {
    toUnits = List.copyOf(toUnits);
    ccUnits = List.copyOf(ccUnits);
    channels = Set.copyOf(channels);
  }

  static final String PENDING = "PENDING";
  static final String SENDING = "SENDING";
  static final String SENT = "SENT";
  /** No channel configured: the notice is in the store and the log only. */
  static final String LOGGED = "LOGGED";
}
