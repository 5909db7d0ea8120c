package duban.bench;

import com.icegreen.greenmail.util.GreenMail;
import duban.plan.PlanImporter;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Issue 9 point 4. Plans are imported on a Thursday morning and their first deliveries drained; then the clock jumps
 * to a working Monday months later, when every task's ladder check and every unanswered step limit is due at once.
 * The job executor (default settings) is started and the burst timed until no job is due and no notice waits, with
 * every notice delivered: gathered into digests, mailed to GreenMail and posted to one robot per unit that refuses
 * more than 20 a minute. The baseline: as many bare timer jobs, due at once, that deliver nothing.
 */
final class ReminderBurstMeasure {

  private static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  static final LocalDateTime IMPORTED = LocalDateTime.of(2026, 11, 26, 10, 0);
  static final LocalDateTime BASELINE_AT = IMPORTED.plusHours(1);
  static final LocalDateTime BURST = LocalDateTime.of(2027, 3, 1, 10, 0);

  private final App app;
  private final GreenMail smtp;
  private final BenchRobots robots;
  private final ManagementService management;
  private final RuntimeService runtime;

  ReminderBurstMeasure(App app, GreenMail smtp, BenchRobots robots) {
    this.app = app;
    this.smtp = smtp;
    this.robots = robots;
    this.management = app.engine.getManagementService();
    this.runtime = app.engine.getRuntimeService();
  }

  Map<String, Object> run(int reminders, int loaderThreads) throws Exception {
    app.jobExecutor().shutdown();
    at(IMPORTED);
    PlanImporter importer = app.bean(PlanImporter.class);
    Loader.load(importer, "RB", 1, 1, 1);
    drain();
    long perPlan = dueAt(BURST);
    int plans = (int) Math.max(1, Math.ceil((double) reminders / perPlan));
    Progress.log("  one plan leaves %d jobs due at the burst; loading %d plans", perPlan, plans);
    if (plans > 1) {
      Loader.load(importer, "RB", 2, plans, loaderThreads);
    }
    drain();
    long due = dueAt(BURST);

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plans", plans);
    m.put("jobsDue", due);
    m.put("baselineSeconds", Stats.round(baseline(due)));

    smtp.purgeEmailFromAllMailboxes();
    long before = notices("1 = 1");
    int robotPostsBefore = robots.accepted();
    int robotRefusedBefore = robots.refused();
    long digestsBefore = count("select count(*) from duban_digest");
    at(BURST);
    long start = System.nanoTime();
    app.jobExecutor().start();
    waitUntil(() -> management.createJobQuery().executable().count() == 0, 3600);
    double jobsSeconds = (System.nanoTime() - start) / 1e9;
    long pendingAfterJobs = notices("status in ('PENDING', 'SENDING')");
    Progress.log("  burst: jobs done after %.1f s, %d notices still pending", jobsSeconds, pendingAfterJobs);
    // done when nothing is due and nothing waits; a failed delivery (retry due later on the frozen clock) ends it too
    waitUntil(() -> management.createJobQuery().executable().count() == 0
        && (notices("status in ('PENDING', 'SENDING')") == 0 || management.createJobQuery().withException().count() > 0),
        3600);
    double seconds = (System.nanoTime() - start) / 1e9;
    app.jobExecutor().shutdown();

    long burst = notices("1 = 1") - before;
    m.put("notices", burst);
    m.put("sent", notices("status = 'SENT' and created_at >= ?", java.sql.Timestamp.from(instant(BURST))));
    m.put("failedJobs", management.createJobQuery().withException().count());
    m.putAll(mail());
    m.put("digests", count("select count(*) from duban_digest") - digestsBefore);
    m.put("robotPosts", robots.accepted() - robotPostsBefore);
    m.put("robotRefused", robots.refused() - robotRefusedBefore);
    // the burst's tasks are not acknowledged, so no responsible person (and no mobile) is known yet
    m.put("sms", count("select count(*) from duban_dispatch where channel = 'sms' and status = 'SENT'"));
    m.put("dubanSeconds", Stats.round(seconds));
    m.put("dubanJobsDoneSeconds", Stats.round(jobsSeconds));
    m.put("pendingAfterJobs", pendingAfterJobs);
    m.put("noticesPerSecond", Stats.round(burst / seconds));
    m.put("ratio", Stats.round(seconds / (double) m.get("baselineSeconds")));
    return m;
  }

  /** Bare timer jobs, as many as duban has due, all due now; timed until the last is done. */
  private double baseline(long jobs) {
    at(BASELINE_AT);
    long early = management.createJobQuery().executable().count();
    if (early > 0) {
      throw new IllegalStateException(early + " duban jobs due at the baseline's moment; the baseline would run them");
    }
    String key = new BareProcesses(app.engine.getRepositoryService()).timer();
    Date due = Date.from(instant(BASELINE_AT.minusMinutes(1)));
    for (int i = 0; i < jobs; i++) {
      runtime.startProcessInstanceByKey(key, Map.of("due", due));
    }
    long start = System.nanoTime();
    app.jobExecutor().start();
    waitUntil(() -> runtime.createProcessInstanceQuery().processDefinitionKey(key).count() == 0, 3600);
    double seconds = (System.nanoTime() - start) / 1e9;
    app.jobExecutor().shutdown();
    Progress.log("  baseline: %d bare timer jobs in %.1f s", jobs, seconds);
    return seconds;
  }

  /** Runs what is due now (the imports' first notices) and waits until it is done. */
  private void drain() {
    app.jobExecutor().start();
    waitUntil(() -> management.createJobQuery().executable().count() == 0
        && (notices("status in ('PENDING', 'SENDING') and deliver_after <= ?",
            java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant())) == 0
            || management.createJobQuery().withException().count() > 0), 3600);
    long failed = management.createJobQuery().withException().count();
    if (failed > 0) {
      throw new IllegalStateException(failed + " reminder jobs failed while loading; see the failsafe output");
    }
    app.jobExecutor().shutdown();
  }

  private long dueAt(LocalDateTime moment) {
    return management.createJobQuery().duedateLowerThan(Date.from(instant(moment).plusSeconds(1))).count();
  }

  /** Message copies in GreenMail, the distinct messages they are, and copies of one message sent more than once. */
  private Map<String, Object> mail() throws MessagingException, IOException {
    MimeMessage[] copies = smtp.getReceivedMessages();
    Map<String, Set<String>> idsByContent = new HashMap<>();
    for (MimeMessage copy : copies) {
      String content = copy.getSubject() + "|" + addresses(copy, Message.RecipientType.TO) + "|"
          + addresses(copy, Message.RecipientType.CC) + "|" + copy.getContent();
      idsByContent.computeIfAbsent(content, k -> new HashSet<>()).add(copy.getMessageID());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mailCopies", copies.length);
    m.put("mailedNotices", idsByContent.size());
    m.put("duplicates", idsByContent.values().stream().mapToInt(ids -> ids.size() - 1).sum());
    return m;
  }

  private static String addresses(MimeMessage m, Message.RecipientType type) throws MessagingException {
    Address[] a = m.getRecipients(type);
    return a == null ? "" : Arrays.toString(a);
  }

  private long count(String sql) {
    return app.jdbc().queryForObject(sql, Long.class);
  }

  private long notices(String where, Object... args) {
    return app.jdbc().queryForObject("select count(*) from duban_notice where " + where, Long.class, args);
  }

  private static void waitUntil(BooleanSupplier done, int maxSeconds) {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not done after " + maxSeconds + " s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Moves the engine's clock to the given moment; it runs on from there, so retries and sweeps come due. */
  private static void at(LocalDateTime time) {
    ClockUtil.offset(instant(time).toEpochMilli() - System.currentTimeMillis());
  }

  private static java.time.Instant instant(LocalDateTime time) {
    return time.atZone(JINAN).toInstant();
  }
}
