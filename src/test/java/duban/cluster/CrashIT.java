package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import duban.plan.PlanTask;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionStart;
import duban.unit.UnitDirectory;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node in a JVM of its own is killed (SIGKILL) in the middle of a delivery round: it has mailed the notice and is
 * waiting for the unit's robot webhook. The surviving node takes the robot's message over once the dead node's
 * claim has expired and sends only what was left: the webhook. The mail is not sent again.
 */
@ExtendWith(Postgres.class)
class CrashIT {

  /** A Wednesday morning: task 6 (市地方金融监管局, due 2026-12-31) has just reached its 临近提醒. */
  private static final LocalDateTime WEDNESDAY_MORNING = LocalDateTime.of(2026, 12, 2, 10, 0);
  /** The job lock, and so the claim on a message, shortened from five minutes for the test. */
  private static final int LOCK_MILLIS = 8000;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void theSurvivorFinishesTheKilledNodesDeliveryAfterItsClaimExpiresWithoutSendingTwice() throws Exception {
    Postgres.Database db = Postgres.newDatabase("crash");
    long clockOffset = TestClock.runFrom(WEDNESDAY_MORNING);
    try (Mailbox mail = new Mailbox(); Robot robot = new Robot()) {
      String[] settings = Stream.concat(Stream.of(mail.settings()), Stream.of(
          "--duban.seed.import-on-startup=false",
          "--duban.reminders.webhooks.jrj=" + robot.url(),
          "--duban.reminders.dispatch-interval=PT1S",
          "--duban.reminders.digest-quiet=PT0S",
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
          "--camunda.bpm.job-execution.wait-time-in-millis=500",
          "--camunda.bpm.job-execution.max-wait=1000")).toArray(String[]::new);
      // until the other node is dead, it alone delivers; then the test runs the survivor's rounds
      String[] survivorSettings = Stream.of(settings)
          .map(a -> a.startsWith("--duban.reminders.dispatch-interval=") ? "--duban.reminders.dispatch-interval=PT24H" : a)
          .toArray(String[]::new);
      try (Node survivor = Node.start("survivor", db, survivorSettings)) {
        JdbcTemplate jdbc = survivor.bean(JdbcTemplate.class);
        ProcessInstance pi;
        Instant victimClaimed;
        try (ChildNode victim = ChildNode.start("victim", db, clockOffset, settings)) {
          victim.awaitStarted(Duration.ofMinutes(3));
          pi = startTask(survivor, 6);

          assertThat(robot.awaitFirst(60)).as("the victim calls the robot").isTrue();
          assertThat(Notices.all(jdbc)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("PENDING");
            assertThat(n.channels()).contains(",mail:jrj@duban.example.cn,").doesNotContain("hook:");
          });
          victimClaimed = jdbc.queryForObject("select claimed_at from duban_dispatch where channel = 'robot'"
              + " and status = 'SENDING'", java.sql.Timestamp.class).toInstant();
          assertThat(victim.output()).contains("Notice APPROACHING to unit:jrj");

          victim.kill();
        }
        robot.letGoOfFirst(); // its sender is gone: the request is dropped unanswered
        assertThat(mail.sends()).hasSize(1);

        Object dispatcher = survivor.context().getBean("noticeDispatcher");
        Method round = dispatcher.getClass().getDeclaredMethod("round");
        round.setAccessible(true);
        Await.until(Duration.ofMillis(LOCK_MILLIS).plusMinutes(1), "the survivor sends the notice", () -> {
          try {
            round.invoke(dispatcher);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
          return Notices.all(jdbc).get(0).status().equals("SENT");
        });

        Notices.Row notice = Notices.all(jdbc).get(0);
        assertThat(jdbc.queryForObject("select attempts from duban_dispatch where channel = 'robot'", Integer.class))
            .as("claims: the victim's and the survivor's").isEqualTo(2);
        assertThat(notice.channels()).contains(",mail:jrj@duban.example.cn,", ",hook:jrj,");
        assertThat(notice.sentAt()).as("not before the victim's claim expired")
            .isAfterOrEqualTo(victimClaimed.plusMillis(LOCK_MILLIS));
        List<Mailbox.Sent> sends = mail.sends();
        assertThat(sends).hasSize(1);
        assertThat(Mailbox.timesSent(sends, notice.subject(), notice.body())).isOne();
        assertThat(robot.received()).as("robot requests: the one cut off by the kill, the survivor's").isEqualTo(2);
        assertThat(robot.answered()).isOne();
        assertThat(robot.bodies()).allSatisfy(body -> assertThat(body).contains("临近提醒", "第6项"));
        RuntimeService runtime = survivor.bean(RuntimeService.class);
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(survivor.bean(ManagementService.class).createJobQuery().processInstanceId(pi.getId())
            .activityId(SupervisionProcess.LADDER_TIMER).count()).as("the ladder waits for its next check").isOne();
        System.out.printf("CrashIT: victim claimed the robot's message at %s, survivor sent it at %s; robot got %d"
            + " requests, answered %d; %d mail%n", victimClaimed, notice.sentAt(), robot.received(), robot.answered(),
            sends.size());
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
        node.bean(SupervisionStart.class).variables("C1", task.assignment(), WEDNESDAY_MORNING.toLocalDate()));
  }
}
