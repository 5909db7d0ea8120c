package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly 情况通报 on two nodes: both look every second whether it is due; it is issued once, archived once and
 * mailed once (GreenMail) to the joint-conference office and the plan's units.
 */
@ExtendWith(Postgres.class)
class ScheduledBulletinIT {

  /** The seed is imported in November; the 3rd working day after November is Thursday 3 December. */
  private static final LocalDateTime IMPORT = LocalDateTime.of(2026, 11, 20, 10, 0);
  private static final LocalDateTime ISSUE_DAY = LocalDateTime.of(2026, 12, 3, 10, 0);

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void aScheduledBulletinIsIssuedAndMailedOnceByTwoNodes() throws Exception {
    Postgres.Database db = Postgres.newDatabase("bulletin");
    TestClock.runFrom(IMPORT);
    try (Mailbox mail = new Mailbox()) {
      String[] settings = Stream.concat(Stream.of(mail.settings()), Stream.of(
          "--duban.bulletins.check-interval=PT1S",
          "--duban.reminders.dispatch-interval=PT1S",
          // the ladder's own reminders are not what this test is about
          "--camunda.bpm.job-execution.enabled=false")).toArray(String[]::new);
      try (Node a = Node.start("bulletin-a", db, settings); Node b = Node.start("bulletin-b", db, settings)) {
        JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
        Thread.sleep(3000);
        assertThat(count(jdbc, "select count(*) from duban_bulletin")).as("nothing due in November").isZero();

        TestClock.runFrom(ISSUE_DAY);
        Await.until(Duration.ofMinutes(2), "the bulletin issued", () -> count(jdbc,
            "select count(*) from duban_bulletin") == 1);
        String notice = "(select id from duban_notice where kind = 'BULLETIN')";
        Await.until(Duration.ofMinutes(2), "the bulletin mailed to everyone", () -> count(jdbc,
            "select count(*) from duban_notice_target where notice_id in " + notice + " and digest_id is null") == 0
            && Notices.digests(jdbc).stream().filter(d -> d.subject().startsWith("【情况通报】"))
                .allMatch(d -> d.status().equals("SENT")));
        Thread.sleep(4000); // both nodes looked several times more

        List<Map<String, Object>> issued = jdbc.queryForList(
            "select serial, period, scheduled_for, issued_by from duban_bulletin");
        assertThat(issued).singleElement().satisfies(row -> {
          assertThat(row.get("period")).isEqualTo("2026-11");
          assertThat(row.get("scheduled_for")).isEqualTo("2026-11");
          assertThat(row.get("issued_by")).isEqualTo("system");
        });
        assertThat(count(jdbc, "select count(*) from duban_notice where kind = 'BULLETIN'")).isOne();
        List<String> recipients = jdbc.queryForList(
            "select recipient from duban_notice_target where notice_id in " + notice, String.class);
        assertThat(recipients).contains("unit:jointoffice", "unit:kx", "unit:jrj", "unit:lixia").doesNotHaveDuplicates();

        // one message per recipient, each mailed once
        List<Notices.Digest> digests = Notices.digests(jdbc).stream()
            .filter(d -> d.subject().startsWith("【情况通报】")).toList();
        assertThat(digests).hasSize(recipients.size());
        for (Notices.Digest d : digests) {
          assertThat(d.subject()).contains("第 1 期");
          assertThat(d.body()).contains("/api/plans/JNSC2022/bulletins/1.docx");
          assertThat(d.mailClaims()).as("claims of the mail to %s", d.recipient()).isOne();
          assertThat(mail.timesSentTo(d.address(), d.subject(), d.body())).as("mails to %s", d.address()).isOne();
        }
        assertThat(mail.sends().stream().filter(m -> m.subject().startsWith("【情况通报】"))).hasSize(digests.size());
      }
    }
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
