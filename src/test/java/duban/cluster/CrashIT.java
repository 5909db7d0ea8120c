package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import duban.plan.PlanTask;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionStart;
import duban.unit.UnitDirectory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node in a JVM of its own is killed (SIGKILL) in the middle of a reminder delivery job: it has mailed the notice
 * and is waiting for the unit's robot webhook. The surviving node runs the job once the dead node's lock has
 * expired, takes the notice over and sends only what was left: the webhook. The mail is not sent again.
 */
@ExtendWith(Postgres.class)
class CrashIT {

  /** A Wednesday morning: task 6 (市地方金融监管局, due 2026-12-31) has just reached its 临近提醒. */
  private static final LocalDateTime WEDNESDAY_MORNING = LocalDateTime.of(2026, 12, 2, 10, 0);
  /** The job lock, and so the notice claim, shortened from five minutes for the test. */
  private static final int LOCK_MILLIS = 8000;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void theSurvivorFinishesTheKilledNodesDeliveryAfterItsLockExpiresWithoutSendingTwice() throws Exception {
    Postgres.Database db = Postgres.newDatabase("crash");
    long clockOffset = TestClock.runFrom(WEDNESDAY_MORNING);
    try (Mailbox mail = new Mailbox(); Robot robot = new Robot()) {
      String[] settings = Stream.concat(Stream.of(mail.settings()), Stream.of(
          "--duban.seed.import-on-startup=false",
          "--duban.reminders.webhooks.jrj=" + robot.url(),
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
          "--camunda.bpm.job-execution.wait-time-in-millis=500",
          "--camunda.bpm.job-execution.max-wait=1000")).toArray(String[]::new);
      try (Node survivor = Node.start("survivor", db, settings)) {
        survivor.jobExecutor().shutdown(); // until the other node is dead, it alone runs jobs
        JdbcTemplate jdbc = survivor.bean(JdbcTemplate.class);
        ManagementService management = survivor.bean(ManagementService.class);
        ProcessInstance pi;
        JobEntity lockedByVictim;
        try (ChildNode victim = ChildNode.start("victim", db, clockOffset, settings)) {
          victim.awaitStarted(Duration.ofMinutes(3));
          pi = startTask(survivor, 6);

          assertThat(robot.awaitFirst(60)).as("the victim calls the robot").isTrue();
          assertThat(Notices.all(jdbc)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("SENDING");
            assertThat(n.channels()).contains(",mail,").doesNotContain("hook:");
          });
          lockedByVictim = (JobEntity) management.createJobQuery().processInstanceId(pi.getId())
              .activityId("ServiceTask_DeliverDueNotices").singleResult();
          assertThat(lockedByVictim.getLockOwner()).isNotNull().isNotEqualTo(survivor.jobExecutor().getLockOwner());
          assertThat(victim.output()).contains("Notice APPROACHING C1-6");

          victim.kill();
        }
        robot.letGoOfFirst(); // its sender is gone: the request is dropped unanswered
        assertThat(mail.sends()).hasSize(1);

        survivor.jobExecutor().start();
        Await.until(Duration.ofMillis(LOCK_MILLIS).plusMinutes(1), "the survivor sends the notice",
            () -> Notices.all(jdbc).get(0).status().equals("SENT"));
        Await.quiet(survivor, Duration.ofMinutes(1));

        Notices.Row notice = Notices.all(jdbc).get(0);
        assertThat(notice.attempts()).as("claims: the victim's and the survivor's").isEqualTo(2);
        assertThat(notice.channels()).contains(",mail,", ",hook:jrj,");
        assertThat(notice.sentAt()).as("not before the victim's lock expired")
            .isAfterOrEqualTo(lockedByVictim.getLockExpirationTime().toInstant());
        List<Mailbox.Sent> sends = mail.sends();
        assertThat(sends).hasSize(1);
        assertThat(Mailbox.timesSent(sends, notice.subject(), notice.body())).isOne();
        assertThat(robot.received()).as("robot requests: the one cut off by the kill, the survivor's").isEqualTo(2);
        assertThat(robot.answered()).isOne();
        assertThat(robot.bodies()).allSatisfy(body -> assertThat(body).contains("临近提醒", "第6项"));

        HistoryService history = survivor.bean(HistoryService.class);
        assertThat(history.createHistoricJobLogQuery().jobId(lockedByVictim.getId()).successLog().list())
            .singleElement().satisfies(log -> assertThat(log.getHostname()).isEqualTo("survivor"));
        assertThat(history.createHistoricJobLogQuery().hostname("victim").successLog().count()).isZero();
        RuntimeService runtime = survivor.bean(RuntimeService.class);
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId(SupervisionProcess.LADDER_TIMER)
            .count()).as("the ladder waits for its next check").isOne();
        System.out.printf("CrashIT: victim's lock expired %s, survivor sent at %s; robot got %d requests,"
            + " answered %d; %d mail%n", lockedByVictim.getLockExpirationTime().toInstant(), notice.sentAt(),
            robot.received(), robot.answered(), sends.size());
      }
    }
  }

  /** Starts the supervision of one row of the seed table, under plan code C1, on the given node. */
  private ProcessInstance startTask(Node node, int number) throws Exception {
    String seed;
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    PlanTask task = new TaskDivisionTableParser(node.bean(UnitDirectory.class)).parse("C1", seed).tasks().get(number - 1);
    return node.bean(RuntimeService.class).startProcessInstanceByKey(SupervisionProcess.KEY,
        SupervisionProcess.businessKey("C1", number),
        node.bean(SupervisionStart.class).variables("C1", task, WEDNESDAY_MORNING.toLocalDate()));
  }
}
