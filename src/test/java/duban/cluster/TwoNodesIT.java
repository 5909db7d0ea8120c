package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import duban.plan.PlanImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two engine nodes on one database, both job executors and delivery rounds running, as in a deployment on two
 * machines: the reminder jobs are shared out between them through the database's row locks, the notices are gathered
 * into digests (one 督办通知单 per unit and rung) of which each notice is in exactly one per recipient, and every digest
 * reaches the SMTP server once.
 */
@ExtendWith(Postgres.class)
class TwoNodesIT {

  /** A Thursday morning: of the seed's 67 tasks, 19 are past their deadline and owe this week's 逾期督办. */
  private static final LocalDateTime THURSDAY_MORNING = LocalDateTime.of(2026, 11, 26, 10, 0);
  private static final List<String> PLANS = List.of("N1", "N2", "N3");

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void bothNodesRunJobsAndEveryReminderGoesOutOnce() throws Exception {
    Postgres.Database db = Postgres.newDatabase("twonodes");
    TestClock.runFrom(THURSDAY_MORNING);
    try (Mailbox mail = new Mailbox()) {
      String[] settings = Stream.concat(Stream.of(mail.settings()), Stream.of(
          "--duban.seed.import-on-startup=false",
          // an idle node looks for jobs other nodes created every second, not every minute
          "--camunda.bpm.job-execution.wait-time-in-millis=500",
          "--camunda.bpm.job-execution.max-wait=1000",
          // one job at a time per node, so that the node where the jobs are created cannot run them all alone
          "--camunda.bpm.job-execution.core-pool-size=1",
          "--camunda.bpm.job-execution.max-pool-size=1",
          // both nodes run a delivery round every second, racing each other for the same notices
          "--duban.reminders.dispatch-interval=PT1S",
          "--duban.reminders.digest-quiet=PT3S")).toArray(String[]::new);
      try (Node a = Node.start("node-a", db, settings); Node b = Node.start("node-b", db, settings)) {
        assertThat(a.jobExecutor().isActive()).isTrue();
        assertThat(b.jobExecutor().isActive()).isTrue();
        assertThat(a.jobExecutor().getLockOwner()).isNotEqualTo(b.jobExecutor().getLockOwner());

        // three plans imported on node A: 201 instances, each with a delivery job, 57 of them with a 逾期督办 to send
        PlanImporter importer = a.bean(PlanImporter.class);
        for (String plan : PLANS) {
          importer.importPlan(plan, seed());
        }
        JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
        Await.until(Duration.ofMinutes(3), "57 notices sent", () -> Notices.all(jdbc).stream()
            .filter(n -> n.status().equals("SENT")).count() == 57);
        Await.quiet(a, Duration.ofMinutes(1));
        Thread.sleep(2000); // a duplicate would arrive now

        List<Notices.Row> notices = Notices.all(jdbc);
        assertThat(notices).hasSize(57).allSatisfy(n -> {
          assertThat(n.status()).isEqualTo("SENT");
          assertThat(n.kind()).isEqualTo("OVERDUE");
        });
        // digests: each mailed once; the office's list every overdue task between them, several at a time
        List<Mailbox.Sent> sends = mail.sends();
        List<Notices.Digest> digests = Notices.digests(jdbc);
        for (Notices.Digest d : digests) {
          assertThat(d.status()).isEqualTo("SENT");
          assertThat(d.mailClaims()).as("claims of the mail of digest %s", d.subject()).isOne();
          assertThat(mail.timesSentTo(d.address(), d.subject(), d.body())).as("mails of digest %s to %s", d.subject(),
              d.address()).isOne();
        }
        assertThat(sends).hasSize(digests.size());
        List<Notices.Digest> office = digests.stream().filter(d -> d.recipient().equals("unit:supervision")).toList();
        assertThat(office.stream().mapToInt(Notices.Digest::tasks).sum()).isEqualTo(57);
        assertThat(office).anySatisfy(d -> {
          assertThat(d.tasks()).isGreaterThan(1);
          assertThat(d.subject()).isEqualTo("【逾期督办】" + d.tasks() + "项任务已超过完成时限");
        });
        assertThat(jdbc.queryForObject("select count(*) from duban_notice_target where digest_id is null", Integer.class))
            .isZero();
        assertThat(jdbc.queryForObject("select count(*) from (select notice_id, recipient from duban_notice_target"
            + " group by notice_id, recipient having count(distinct digest_id) > 1) x", Integer.class)).isZero();
        assertThat(sends.size()).as("fewer mails than notice copies").isLessThan(57 * 2);

        HistoryService history = a.bean(HistoryService.class);
        List<HistoricJobLog> runs = history.createHistoricJobLogQuery().successLog().list();
        Map<String, Long> runsPerHost = runs.stream()
            .collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting()));
        assertThat(runsPerHost).containsOnlyKeys("node-a", "node-b");
        assertThat(runsPerHost.get("node-a")).isPositive();
        assertThat(runsPerHost.get("node-b")).isPositive();
        assertThat(runs.stream().collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting())))
            .as("successful runs per job").allSatisfy((job, count) -> assertThat(count).isOne());
        Map<String, String> createdOn = history.createHistoricJobLogQuery().creationLog().list().stream()
            .collect(Collectors.toMap(HistoricJobLog::getJobId, HistoricJobLog::getHostname, (x, y) -> x));
        long movedToB = runs.stream().filter(r -> r.getHostname().equals("node-b"))
            .filter(r -> "node-a".equals(createdOn.get(r.getJobId()))).count();
        assertThat(movedToB).as("jobs created on node A and run by node B").isPositive();
        System.out.printf("TwoNodesIT: %d jobs run, %s; %d jobs created on node-a were run by node-b;"
            + " %d notices, %d digests (%d to the office), %d mails%n", runs.size(), runsPerHost, movedToB,
            notices.size(), digests.size(), office.size(), sends.size());
      }
    }
  }

  /**
   * The office's group robot allows 20 messages in any window (shortened to 5 seconds here) and 逾期督办 goes out one
   * message per task: 57 posts from two nodes sharing one count in the database. None is refused, none lost.
   */
  @Test
  void twoNodesKeepARobotUnderItsLimitWithNothingRefusedOrLost() throws Exception {
    Postgres.Database db = Postgres.newDatabase("paced");
    TestClock.runFrom(THURSDAY_MORNING);
    try (Mailbox mail = new Mailbox(); LimitedRobot robot = new LimitedRobot(20, Duration.ofSeconds(5))) {
      String[] settings = Stream.concat(Stream.of(mail.settings()), Stream.of(
          "--duban.seed.import-on-startup=false",
          "--camunda.bpm.job-execution.wait-time-in-millis=500",
          "--camunda.bpm.job-execution.max-wait=1000",
          "--duban.reminders.dispatch-interval=PT1S",
          "--duban.reminders.digest-quiet=PT1S",
          "--duban.reminders.per-task=OVERDUE",
          "--duban.reminders.robot-pace.window=PT5S",
          "--duban.reminders.webhooks.supervision=" + robot.url())).toArray(String[]::new);
      try (Node a = Node.start("node-a", db, settings); Node b = Node.start("node-b", db, settings)) {
        PlanImporter importer = a.bean(PlanImporter.class);
        for (String plan : PLANS) {
          importer.importPlan(plan, seed());
        }
        JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
        Await.until(Duration.ofMinutes(3), "57 notices sent", () -> Notices.all(jdbc).stream()
            .filter(n -> n.status().equals("SENT")).count() == 57);
        Await.quiet(a, Duration.ofMinutes(1));

        assertThat(robot.refused()).as("posts the robot refused").isZero();
        assertThat(robot.accepted()).hasSize(57).doesNotHaveDuplicates()
            .allSatisfy(body -> assertThat(body).contains("逾期督办"));
        assertThat(jdbc.queryForObject("select max(attempts) from duban_dispatch where channel = 'robot'", Integer.class))
            .as("each post claimed once").isOne();
        System.out.printf("TwoNodesIT: 57 robot posts paced at 20 per 5 s from two nodes, %d refused%n", robot.refused());
      }
    }
  }

  private String seed() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

}
