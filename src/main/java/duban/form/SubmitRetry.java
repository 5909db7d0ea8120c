package duban.form;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a submit is tried again after an optimistic-locking conflict. Sibling tasks of one instance (the
 * contributions of several units) write the same process variables, so on a busy database two completions at the
 * same moment conflict and the engine rolls one back whole. Trying it again, after a short random pause, is what a
 * user would do; a retry runs the whole submit again, form checks included. The pauses grow from 25 ms to a second,
 * so that even a task whose twenty units all submit in the same second lets every one through, within seconds.
 */
@Component
class SubmitRetry {

  private static final Logger log = LoggerFactory.getLogger(SubmitRetry.class);
  private static final long MAX_PAUSE_MILLIS = 1000;

  private final int maxAttempts;
  private final Counter retries;
  private final Counter conflicts;
  private final DistributionSummary attempts;

  SubmitRetry(@Value("${duban.submissions.max-attempts:15}") int maxAttempts, MeterRegistry meters) {
    if (maxAttempts < 1) {
      throw new IllegalStateException("duban.submissions.max-attempts 至少为 1，实为 " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.retries = Counter.builder("duban.submissions.retries")
        .description("task submits tried again after an optimistic-locking conflict").register(meters);
    this.conflicts = Counter.builder("duban.submissions.conflicts")
        .description("task submits refused because the task was closed meanwhile or stayed contended").register(meters);
    this.attempts = DistributionSummary.builder("duban.submissions.attempts")
        .description("attempts a task submit took until it went through").register(meters);
  }

  /** Engine error codes of a submit that lost a race and was rolled back whole: optimistic locking, deadlock. */
  static boolean isTransientCode(Integer code) {
    return code != null
        && (code == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode() || code == BuiltinExceptionCode.DEADLOCK.getCode());
  }

  static boolean isTransient(ProcessEngineException e) {
    return e instanceof OptimisticLockingException || isTransientCode(e.getCode());
  }

  /** @return whether another attempt may follow attempt number {@code attempt} (1-based), after a pause */
  boolean again(int attempt, String taskId) {
    if (attempt >= maxAttempts) {
      return false;
    }
    retries.increment();
    log.debug("Task {}: concurrent update, submitting again (attempt {} of {})", taskId, attempt + 1, maxAttempts);
    // growing pauses with jitter: with many siblings submitted in the same second each round lets one through
    long cap = Math.min(MAX_PAUSE_MILLIS, 25L << Math.min(attempt - 1, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  /** A submit went through at attempt number {@code attempt}. */
  void succeeded(int attempt) {
    attempts.record(attempt);
  }

  void conflict() {
    conflicts.increment();
  }
}
