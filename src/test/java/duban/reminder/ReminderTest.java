package duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import duban.form.TaskSubmissions;
import duban.plan.PlanImporter;
import duban.plan.PlanTask;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionStart;
import duban.unit.UnitDirectory;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reminder ladder against a real SMTP server (GreenMail, in this JVM) and a real HTTP receiver for the robot
 * webhook, with time moved by ClockUtil and the jobs run by hand. Each test imports the seed table under a plan code
 * of its own at the moment it needs.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:reminder-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "duban.seed.import-on-startup=false",
    "duban.reminders.retry-cycle=PT1M,PT5M",
    // the tests run every job themselves; the background sweeps would race them
    "duban.reminders.sweep-interval=PT24H",
    "duban.reminders.recovery-interval=PT24H"})
@DirtiesContext
class ReminderTest {

  private static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  private static final int SMTP_PORT = freePort();
  private static final int HOOK_PORT = freePort();
  private static final List<String> hookBodies = Collections.synchronizedList(new ArrayList<>());
  private static HttpServer hook;
  private static final AtomicInteger PLANS = new AtomicInteger();
  /** How many of the next webhook calls answer 500. */
  private static final AtomicInteger hookFailures = new AtomicInteger();

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("duban.reminders.webhooks.jrj", () -> "http://localhost:" + HOOK_PORT + "/robot");
  }

  @Autowired PlanImporter importer;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired TaskSubmissions submissions;
  @Autowired NoticeStore store;
  @Autowired DeliveryRecovery recovery;
  @Autowired UnitDirectory directory;
  @Autowired SupervisionStart supervisionStart;

  private GreenMail smtp;
  private String plan;

  @BeforeAll
  static void startHook() throws IOException {
    hook = HttpServer.create(new InetSocketAddress("localhost", HOOK_PORT), 0);
    hook.createContext("/robot", exchange -> {
      if (hookFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
        return;
      }
      try (InputStream in = exchange.getRequestBody()) {
        hookBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      byte[] ok = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    hook.start();
  }

  @AfterAll
  static void stopHook() {
    hook.stop(0);
  }

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", "smtp"));
    smtp.start();
    hookBodies.clear();
    hookFailures.set(0);
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
    ClockUtil.reset();
  }

  @Test
  void climbsTheLadderWithTheRightRecipientsAtEachRung() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6); // deadline 2026-12-31, lead 市地方金融监管局
    runDueJobs();
    assertThat(notices(pi)).isEmpty();
    acknowledgeAndContribute(pi);

    at(LocalDateTime.of(2026, 12, 1, 9, 0)); // 30 days before: 临近提醒 to the lead unit
    runDueJobs();
    assertThat(messagesTo("jrj@duban.example.cn")).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).startsWith("【临近提醒】第6项");
      assertThat(m.getRecipients(Message.RecipientType.CC)).isNull();
    });
    assertThat(hookBodies).singleElement().asString().contains("\"msgtype\":\"text\"", "临近提醒", "第6项");

    at(LocalDateTime.of(2026, 12, 24, 9, 0)); // 7 days before: 催办, the supervision office in copy
    runDueJobs();
    MimeMessage urge = last("jrj@duban.example.cn");
    assertThat(urge.getSubject()).startsWith("【催办通知】第6项");
    assertThat(Arrays.toString(urge.getRecipients(Message.RecipientType.CC))).contains("duchashi@duban.example.cn");
    assertThat(variable(pi, "trafficLight")).isEqualTo("YELLOW");

    at(LocalDateTime.of(2027, 1, 4, 9, 0)); // overdue since 2027-01-01, held over the New Year holiday
    runDueJobs();
    MimeMessage overdue = last("duchashi@duban.example.cn");
    assertThat(overdue.getSubject()).startsWith("【逾期督办】第6项");
    assertThat(Arrays.toString(overdue.getRecipients(Message.RecipientType.TO))).contains("duchashi@duban.example.cn");
    assertThat(Arrays.toString(overdue.getRecipients(Message.RecipientType.CC))).contains("jrj@duban.example.cn");
    assertThat(variable(pi, "trafficLight")).isEqualTo("RED");

    at(LocalDateTime.of(2027, 1, 8, 9, 0)); // a week after the deadline passed: the weekly repeat
    runDueJobs();
    assertThat(notices(pi)).extracting(Notice::kind).containsExactly(
        NoticeKind.APPROACHING, NoticeKind.URGE, NoticeKind.OVERDUE, NoticeKind.OVERDUE);
    assertThat(notices(pi)).allMatch(n -> n.status().equals(Notice.SENT));
  }

  @Test
  void climbsTheSameLadderAgainstEachPeriodicReportOfALongTermTask() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 20); // 长期, 市市场监管局, quarterly
    runDueJobs();
    complete(pi, SupervisionProcess.ACKNOWLEDGE, Map.of("ackDecision", "accept", "responsiblePerson", "李明",
        "contactPhone", "0531-66608000", "workPlan", "按季度报送公平竞争审查进展。", "milestones", "每季度末汇总"));
    // the 2026年第4季度 report is due 2027-01-10 (a Sunday: the ladder counts calendar days to it)
    at(LocalDateTime.of(2026, 12, 11, 9, 0));
    runDueJobs();
    assertThat(distinctSubjects("scjgj@duban.example.cn")).singleElement().asString()
        .startsWith("【临近提醒】第20项").contains("2027-01-10");
    at(LocalDateTime.of(2027, 1, 4, 9, 0)); // 催办 from Sunday 01-03, held to Monday
    runDueJobs();
    at(LocalDateTime.of(2027, 1, 11, 9, 0));
    runDueJobs();
    assertThat(notices(pi)).extracting(Notice::kind).containsExactly(NoticeKind.APPROACHING, NoticeKind.URGE,
        NoticeKind.OVERDUE);
    assertThat(notices(pi)).extracting(Notice::dedupeKey).allMatch(k -> k.contains("2027-01-10"));
  }

  @Test
  void remindsTheUnitThatHasNotAcknowledgedAfterThreeWorkingDays() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    Job limit = job(pi, "BoundaryEvent_AcknowledgementOverdue");
    // Thursday + 3 working days = Tuesday 2026-12-01; the reminder goes out the next working morning
    assertThat(limit.getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 12, 2, 9, 0)));
    at(LocalDateTime.of(2026, 12, 2, 9, 0));
    runDueJobs();
    assertThat(distinctSubjects("jrj@duban.example.cn"))
        .anySatisfy(subject -> assertThat(subject).startsWith("【超时提醒】第6项").contains("「签收任务」已超过 3 个工作日"));
    // the deadline ladder reached its first rung meanwhile (2026-12-01), so the unit hears of both
    assertThat(notices(pi)).extracting(Notice::kind).containsExactlyInAnyOrder(NoticeKind.STEP, NoticeKind.APPROACHING);
  }

  @Test
  void countsAStepLimitAcrossTheNationalDayBreakInWorkingDays() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 9, 30, 10, 0), 6);
    runDueJobs();
    Task ack = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(SupervisionProcess.ACKNOWLEDGE).singleResult();
    // 10-01 … 10-07 are the holiday; 10-08 (Thu), 10-09 (Fri) and the make-up Saturday 10-10 are the three working days
    assertThat(ack.getDueDate().toInstant().atZone(JINAN).toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(job(pi, "BoundaryEvent_AcknowledgementOverdue").getDuedate())
        .isEqualTo(date(LocalDateTime.of(2026, 10, 12, 9, 0)));
  }

  @Test
  void holdsANoticeDueOnSaturdayUntilMondayMorning() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    at(LocalDateTime.of(2026, 12, 5, 10, 0)); // the engine was down on Tuesday; it catches up on Saturday
    runDueJobs();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(NoticeKind.APPROACHING);
      assertThat(n.deliverAfter()).isEqualTo(date(LocalDateTime.of(2026, 12, 7, 9, 0)).toInstant());
    });
    at(LocalDateTime.of(2026, 12, 7, 9, 0));
    runDueJobs();
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
  }

  @Test
  void sendsOneNoticePerOverdueTaskWhenAPlanIsImportedLate() throws Exception {
    importAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    runDueJobs();
    List<Notice> notices = store.find(null, null).stream().filter(n -> n.businessKey().startsWith(plan + "-")).toList();
    // the 19 tasks whose deadline passed (13 “十四五”末, five 2023年年底, one 2024年年底) get this week's 督办, nothing else
    assertThat(notices).hasSize(19).allMatch(n -> n.kind() == NoticeKind.OVERDUE);
    assertThat(notices.stream().map(Notice::businessKey).distinct()).hasSize(19);
    assertThat(notices).allMatch(n -> n.status().equals(Notice.SENT));
    assertThat(distinctSubjects("duchashi@duban.example.cn")).hasSize(19);
    at(LocalDateTime.of(2026, 11, 27, 10, 0)); // the next day brings nothing new
    runDueJobs();
    assertThat(store.find(null, null).stream().filter(n -> n.businessKey().startsWith(plan + "-"))).hasSize(19);
  }

  @Test
  void retriesThroughAnSmtpOutageRaisesAnIncidentAndDeliversOnceAfterRecovery() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    smtp.stop();
    at(LocalDateTime.of(2026, 12, 1, 9, 0));
    runDueJobs();
    Job delivery = job(pi, "ServiceTask_DeliverDueNotices");
    for (int attempt = 0; attempt < 5 && delivery.getRetries() > 0; attempt++) {
      runJob(delivery);
      delivery = job(pi, "ServiceTask_DeliverDueNotices");
    }
    assertThat(delivery.getRetries()).isZero();
    assertThat(delivery.getExceptionMessage()).startsWith(NoticeDelivery.FAILURE);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notice.PENDING);
      assertThat(n.attempts()).isEqualTo(3);
    });

    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", "smtp"));
    smtp.start();
    assertThat(recovery.retryFailedDeliveries()).isEqualTo(1);
    runDueJobs();
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    runJob(job(pi, "ServiceTask_DeliverDueNotices", true));
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
  }

  @Test
  void aWebhookFailureAfterTheMailWasSentRetriesTheWebhookOnly() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    hookFailures.set(1);
    at(LocalDateTime.of(2026, 12, 1, 9, 0));
    runDueJobs(); // mailed, then the robot answered 500: the job failed and waits for its retry
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
    assertThat(hookBodies).isEmpty();
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notice.PENDING);
      assertThat(n.channels()).containsExactly(NoticeChannels.MAIL);
    });

    runJob(job(pi, "ServiceTask_DeliverDueNotices"));

    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
    assertThat(hookBodies).singleElement().asString().contains("临近提醒");
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notice.SENT);
      assertThat(n.channels()).containsExactlyInAnyOrder(NoticeChannels.MAIL, "hook:jrj");
    });
  }

  @Test
  void takesOverANoticeLeftInSendingOnlyOnceItsClaimHasExpired() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    at(LocalDateTime.of(2026, 12, 1, 9, 0));
    runJob(job(pi, SupervisionProcess.LADDER_TIMER)); // records the 临近提醒; its delivery job is next
    Notice recorded = notices(pi).get(0);
    // what a node leaves behind when it dies after mailing the notice, on its way to the robot
    assertThat(store.claim(recorded.id(), ClockUtil.getCurrentTime().toInstant(), Instant.EPOCH)).isTrue();
    store.channelDone(recorded.id(), NoticeChannels.MAIL);

    at(LocalDateTime.of(2026, 12, 1, 9, 4)); // within the claim timeout (5 minutes): the sender may be alive
    runDueJobs();
    assertThat(notices(pi)).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(Notice.SENDING));
    assertThat(hookBodies).isEmpty();
    assertThat(job(pi, SupervisionProcess.LADDER_TIMER).getDuedate())
        .as("the ladder looks again when the claim expires").isEqualTo(date(LocalDateTime.of(2026, 12, 1, 9, 5)));

    at(LocalDateTime.of(2026, 12, 1, 9, 5));
    runDueJobs();
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notice.SENT);
      assertThat(n.attempts()).isEqualTo(2);
    });
    assertThat(hookBodies).singleElement().asString().contains("临近提醒");
    assertThat(messagesTo("jrj@duban.example.cn")).as("the mail went out before the sender died").isEmpty();
  }

  @Test
  void changesTrafficLightAsTheTaskMoves() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    assertThat(variable(pi, "trafficLight")).isEqualTo("GREEN");
    acknowledgeAndContribute(pi);
    report(pi);
    assertThat(variable(pi, "trafficLight")).isEqualTo("GREEN"); // on time, in review

    complete(pi, SupervisionProcess.REVIEW_REPORT, Map.of("reviewDecision", "return", "reviewComment", "请补充名单。"));
    assertThat(variable(pi, "trafficLight")).isEqualTo("YELLOW"); // returned

    at(LocalDateTime.of(2027, 1, 2, 10, 0));
    runDueJobs();
    assertThat(variable(pi, "trafficLight")).isEqualTo("RED"); // overdue, rework outstanding

    report(pi);
    assertThat(variable(pi, "trafficLight")).isEqualTo("YELLOW"); // reported late
    complete(pi, SupervisionProcess.REVIEW_REPORT, Map.of("reviewDecision", "approve", "reviewComment", "同意。"));
    assertThat(variable(pi, "trafficLight")).isEqualTo("YELLOW");
  }

  // helpers

  /** Imports the whole seed table at the given moment, under a plan code of its own. */
  private void importAt(LocalDateTime time) throws IOException {
    at(time);
    plan = "R" + PLANS.incrementAndGet();
    importer.importPlan(plan, seedText());
  }

  /** Starts the supervision of one row of the seed table at the given moment. */
  private ProcessInstance startAt(LocalDateTime time, int taskNumber) throws IOException {
    at(time);
    plan = "R" + PLANS.incrementAndGet();
    PlanTask task = new TaskDivisionTableParser(directory).parse(plan, seedText()).tasks().get(taskNumber - 1);
    return runtimeService.startProcessInstanceByKey(SupervisionProcess.KEY, plan + "-" + taskNumber,
        supervisionStart.variables(plan, task, time.toLocalDate()));
  }

  private String seedText() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(date(time));
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(JINAN).toInstant());
  }

  /** Runs every job of this test's plan that is due now, until none is left; failures stay for retry. */
  private void runDueJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = managementService.createJobQuery().executable().list().stream()
          .filter(j -> j.getProcessInstanceId() != null && businessKey(j).startsWith(plan + "-")).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(this::runJob);
    }
  }

  private String businessKey(Job job) {
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).singleResult();
    return pi == null ? "" : pi.getBusinessKey();
  }

  private void runJob(Job job) {
    try {
      managementService.executeJob(job.getId());
    } catch (RuntimeException expectedDuringOutage) {
      // the engine has recorded the failure and decremented the retries
    }
  }

  private Job job(ProcessInstance pi, String activityId) {
    return job(pi, activityId, false);
  }

  private Job job(ProcessInstance pi, String activityId, boolean anyDueDate) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private void acknowledgeAndContribute(ProcessInstance pi) {
    complete(pi, SupervisionProcess.ACKNOWLEDGE, Map.of("ackDecision", "accept", "responsiblePerson", "张建国",
        "contactPhone", "0531-86051234", "workPlan", "按季度推进，年底前完成目标任务。", "milestones", "12月底完成"));
    for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(SupervisionProcess.SUBMIT_CONTRIBUTION).list()) {
      submissions.complete(t.getId(), Map.of("contribution", "已按分工完成配合工作，提供相关数据。"));
    }
  }

  private void report(ProcessInstance pi) {
    complete(pi, SupervisionProcess.SUBMIT_REPORT, Map.of("submissionType", "report", "reportStatus", "已完成",
        "reportSummary", "已完成全部措施，专营机构建设到位。", "achievedFigures", "科创金融专营机构 32 家"));
  }

  private void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
    submissions.complete(task.getId(), variables);
  }

  private Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  private List<Notice> notices(ProcessInstance pi) {
    return store.find(null, pi.getBusinessKey());
  }

  private List<MimeMessage> messagesTo(String address) throws Exception {
    List<MimeMessage> to = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessagesForDomain(address)) {
      to.add(m);
    }
    return to;
  }

  private MimeMessage last(String address) throws Exception {
    List<MimeMessage> messages = messagesTo(address);
    assertThat(messages).isNotEmpty();
    return messages.get(messages.size() - 1);
  }

  private List<String> distinctSubjects(String address) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : messagesTo(address)) {
      subjects.add(m.getSubject());
    }
    return subjects.stream().distinct().toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
