package duban.engine;

import duban.form.SubmissionRejectedException;
import duban.form.TaskConflictException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outermost step of every submit, around the engine's transaction: a submit rolled back by an optimistic-locking
 * conflict is run again whole, form checks included; one whose task someone else closed first, or that stays
 * contended through every attempt, ends in {@link TaskConflictException}; a refusal by the form checks leaves the
 * engine as {@link SubmissionRejectedException}.
 *
 * <p>Sibling tasks of one instance (the contributions of several units) write the same process variables, so on a
 * busy database two completions at the same moment conflict and the engine rolls one back whole. Trying again after a
 * short random pause is what a user would do. The pauses grow from 25 ms to a second, so that even a task whose
 * twenty units all submit in the same second lets every one through, within seconds. Inside a caller's own
 * transaction, or a command already running, the rolled-back work cannot be redone here: the error goes up.
 */
class SubmitRetry extends CommandInterceptor {

  private static final Logger log = LoggerFactory.getLogger(SubmitRetry.class);
  private static final long MAX_PAUSE_MILLIS = 1000;

  private final int maxAttempts;
  private final Counter retries;
  private final Counter conflicts;
  private final DistributionSummary attempts;
  private final ClosedTasks closedTasks;

  /** One per command executor (an interceptor belongs to one chain); the meters are shared by name. */
  SubmitRetry(int maxAttempts, MeterRegistry meters, ClosedTasks closedTasks) {
    if (maxAttempts < 1) {
      throw new IllegalStateException("duban.submissions.max-attempts 至少为 1，实为 " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.closedTasks = closedTasks;
    this.retries = Counter.builder("duban.submissions.retries")
        .description("task submits tried again after an optimistic-locking conflict").register(meters);
    this.conflicts = Counter.builder("duban.submissions.conflicts")
        .description("task submits refused because the task was closed meanwhile or stayed contended").register(meters);
    this.attempts = DistributionSummary.builder("duban.submissions.attempts")
        .description("attempts a task submit took until it went through").register(meters);
  }

  @Override
  public <T> T execute(Command<T> command) {
    Optional<Submit> submit = Submit.of(command);
    if (submit.isEmpty() || submit.get() instanceof Submit.PastTheForms) {
      return next.execute(command);
    }
    String taskId = submit.get() instanceof Submit.TaskForm task ? task.taskId() : null;
    boolean outermost = Context.getCommandContext() == null && !TransactionSynchronizationManager.isActualTransactionActive();
    for (int attempt = 1; ; attempt++) {
      try {
        T result = next.execute(command);
        attempts.record(attempt);
        return result;
      } catch (RefusedSubmit refused) {
        throw new SubmissionRejectedException(refused.subject(), refused.violations());
      } catch (ClosedTask closed) {
        conflicts.increment();
        throw new TaskConflictException(closed.getMessage(), closed);
      } catch (AuthorizationException e) {
        // a colleague's completion took the task's grants with it
        if (taskId != null && closedTasks.wasOfferedToCaller(taskId)) {
          throwIfClosed(taskId, e);
        }
        throw e;
      } catch (RuntimeException e) {
        // a colleague's commit between two of this attempt's reads can also surface as the engine tripping over the
        // missing rows (a NullPointerException in TaskEntity.complete): the task's history says what happened
        boolean lostRace = e instanceof ProcessEngineException engineError && isTransient(engineError);
        if (lostRace && outermost && again(attempt, command)) {
          continue;
        }
        if (taskId != null) {
          throwIfClosed(taskId, e);
        }
        if (lostRace) {
          conflicts.increment();
          throw new TaskConflictException(ClosedTasks.BUSY, e);
        }
        throw e;
      }
    }
  }

  private void throwIfClosed(String taskId, RuntimeException e) {
    Optional<String> closed = closedTasks.reason(taskId);
    if (closed.isPresent()) {
      conflicts.increment();
      throw new TaskConflictException(closed.get(), e);
    }
  }

  /** A submit that lost a race and was rolled back whole: optimistic locking, or a deadlock the database broke. */
  static boolean isTransient(ProcessEngineException e) {
    Integer code = e.getCode();
    return e instanceof OptimisticLockingException || (code != null
        && (code == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode() || code == BuiltinExceptionCode.DEADLOCK.getCode()));
  }

  /** @return whether another attempt may follow attempt number {@code attempt} (1-based), after a pause */
  private boolean again(int attempt, Command<?> command) {
    if (attempt >= maxAttempts) {
      return false;
    }
    retries.increment();
    log.debug("{}: concurrent update, submitting again (attempt {} of {})", command.getClass().getSimpleName(),
        attempt + 1, maxAttempts);
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
}
