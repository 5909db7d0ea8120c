package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import duban.supervision.LifecycleDriver;
import duban.supervision.SupervisionProcess;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application is stopped mid-process and started again on the same database days later: nothing is lost, and
 * the timers that fell due while it was down fire once, each notice they raise going out once.
 */
@ExtendWith(Postgres.class)
class RestartIT {

  /** Thursday: the seed is imported; 19 of its deadlines have passed. */
  private static final LocalDateTime IMPORTED = LocalDateTime.of(2026, 11, 26, 10, 0);
  /** The next Wednesday: 签收 limits (3 working days) and the first 临近提醒 rungs of year-end tasks have passed. */
  private static final LocalDateTime RESTARTED = LocalDateTime.of(2026, 12, 2, 10, 0);

  record State(Map<String, String> openTasks, Map<String, Job> jobs, Map<String, Notices.Row> notices) {

    static State of(Node node) {
      return new State(
          node.bean(TaskService.class).createTaskQuery().list().stream()
              .collect(Collectors.toMap(Task::getId, Task::getTaskDefinitionKey)),
          // the processes' jobs; the engine's history cleanup job (due at 01:00, run only in its window) is not one
          node.bean(ManagementService.class).createJobQuery().list().stream().filter(j -> j.getProcessInstanceId() != null)
              .collect(Collectors.toMap(Job::getId, Function.identity())),
          Notices.all(node.bean(JdbcTemplate.class)).stream()
              .collect(Collectors.toMap(Notices.Row::id, Function.identity())));
    }
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void losesNothingAcrossARestartAndFiresTheTimersDueMeanwhileOnce() throws Exception {
    Postgres.Database db = Postgres.newDatabase("restart");
    try (Mailbox mail = new Mailbox()) {
      State before;
      TestClock.freezeAt(IMPORTED);
      // the clock is frozen: a digest may not wait for its recipient's notices to go quiet
      String[] settings = java.util.stream.Stream.concat(java.util.stream.Stream.of(mail.settings()),
          java.util.stream.Stream.of("--duban.reminders.digest-quiet=PT0S")).toArray(String[]::new);
      try (Node first = Node.start("first-run", db, settings)) {
        Await.quiet(first, Duration.ofMinutes(2));
        assertThat(Notices.all(first.bean(JdbcTemplate.class))).hasSize(19)
            .allSatisfy(n -> assertThat(n.status()).isEqualTo("SENT"));
        // one digest of 19 to the office, one per lead unit of its own overdue tasks: a mail each
        assertThat(mail.sends()).hasSize(Notices.digests(first.bean(JdbcTemplate.class)).size());
        // mid-process: three of the tasks are acknowledged, the others wait at their first step
        Set<String> acknowledged = Set.of("JNSC2022-6", "JNSC2022-20", "JNSC2022-40");
        RuntimeService runtime = first.bean(RuntimeService.class);
        LifecycleDriver driver = new LifecycleDriver(first.context());
        driver.drive("JNSC2022-", 1, 0, task -> task.getTaskDefinitionKey().equals(SupervisionProcess.ACKNOWLEDGE)
            && acknowledged.contains(runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()));
        Await.quiet(first, Duration.ofMinutes(1));
        before = State.of(first);
      }

      // down from Thursday to Wednesday
      TestClock.freezeAt(RESTARTED);
      Date restarted = TestClock.date(RESTARTED);
      try (Node second = Node.start("second-run", db, settings)) {
        Await.quiet(second, Duration.ofMinutes(3));
        State after = State.of(second);
        HistoryService history = second.bean(HistoryService.class);

        // open tasks: the same ones
        assertThat(after.openTasks()).isEqualTo(before.openTasks());
        assertThat(before.openTasks()).hasSizeGreaterThan(67);

        // timers: those due meanwhile fired exactly once, on the restarted node; the others wait unchanged
        List<Job> dueMeanwhile = before.jobs().values().stream()
            .filter(j -> j.getDuedate() != null && !j.getDuedate().after(restarted)).toList();
        List<Job> notYetDue = before.jobs().values().stream()
            .filter(j -> j.getDuedate() != null && j.getDuedate().after(restarted)).toList();
        assertThat(dueMeanwhile).hasSizeGreaterThan(20);
        assertThat(notYetDue).isNotEmpty();
        for (Job job : dueMeanwhile) {
          assertThat(after.jobs().containsKey(job.getId())).as("timer %s (%s, due %s) still there", job.getId(),
              activity(history, job), job.getDuedate()).isFalse();
          assertThat(history.createHistoricJobLogQuery().jobId(job.getId()).successLog().list())
              .as("runs of timer %s", job.getId()).singleElement()
              .satisfies(log -> assertThat(log.getHostname()).isEqualTo("second-run"));
        }
        for (Job job : notYetDue) {
          assertThat(after.jobs().containsKey(job.getId())).as("timer %s waiting", job.getId()).isTrue();
          assertThat(after.jobs().get(job.getId()).getDuedate()).isEqualTo(job.getDuedate());
        }

        // reminders: the old ones as they were, one new notice per step-limit timer that fired, each sent once
        assertThat(after.notices()).containsAllEntriesOf(before.notices());
        List<Notices.Row> added = after.notices().values().stream()
            .filter(n -> !before.notices().containsKey(n.id())).toList();
        long stepTimersFired = dueMeanwhile.stream()
            .filter(j -> "BoundaryEvent_AcknowledgementOverdue".equals(activity(history, j))).count();
        assertThat(stepTimersFired).isPositive();
        assertThat(added.stream().filter(n -> n.kind().equals("STEP"))).hasSize((int) stepTimersFired);
        assertThat(added.stream().map(Notices.Row::kind)).contains("APPROACHING");
        List<Mailbox.Sent> sends = mail.sends();
        for (Notices.Row notice : after.notices().values()) {
          assertThat(notice.status()).isEqualTo("SENT");
        }
        List<Notices.Digest> digests = Notices.digests(second.bean(JdbcTemplate.class));
        for (Notices.Digest digest : digests) {
          assertThat(digest.mailClaims()).isOne();
          assertThat(mail.timesSentTo(digest.address(), digest.subject(), digest.body())).as("mails of %s to %s",
              digest.subject(), digest.address()).isOne();
        }
        assertThat(sends).hasSize(digests.size());
        System.out.printf("RestartIT: %d open tasks kept, %d timers fired once after the restart, %d waiting,"
            + " %d new notices (%d step limits), %d digests, %d mails in all%n", after.openTasks().size(),
            dueMeanwhile.size(), notYetDue.size(), added.size(), stepTimersFired, digests.size(), sends.size());
      }
    }
  }

  private static String activity(HistoryService history, Job job) {
    return history.createHistoricJobLogQuery().jobId(job.getId()).creationLog().singleResult().getActivityId();
  }
}
