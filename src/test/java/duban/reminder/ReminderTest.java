package duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import duban.form.TasklistValues;
import org.camunda.bpm.engine.FormService;
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
import java.util.Collections;
import java.util.Date;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.Deque;
import java.time.Duration;
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
import org.springframework.jdbc.core.JdbcTemplate;
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
    // the tests run every job and every delivery round themselves, on a frozen clock
    "duban.reminders.dispatch-interval=PT24H",
    "duban.reminders.digest-quiet=PT0S",
    // step-limit reminders go out one message per task; the ladder's rungs as digests (the default)
    "duban.reminders.per-task=STEP",
    "duban.reminders.sms.username=duban",
    "duban.reminders.sms.password=sms-secret"})
@DirtiesContext
class ReminderTest {

  private static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  private static final int SMTP_PORT = freePort();
  private static final int HOOK_PORT = freePort();
  /** 钉钉 加签 secret of jrj's robot: every post to it is signed, and the receiver checks each signature. */
  static final String DINGTALK_SECRET = "SECb0a6d1f2c3e4d5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0";
  /** Units whose notices all go to one shared group robot that allows 20 messages a minute. */
  private static final List<String> PACED_UNITS = List.of("fgw", "kjj", "gxj", "rsj", "jyj", "czj", "scjgj", "kx", "swj",
      "dsjj");
  private static final List<String> hookBodies = Collections.synchronizedList(new ArrayList<>());
  private static HttpServer hook;
  private static final AtomicInteger PLANS = new AtomicInteger();
  /** Answers the next webhook calls give, in order: a JSON body, or an HTTP status; then {"errcode":0}. */
  private static final Deque<String> hookAnswers = new ConcurrentLinkedDeque<>();
  private static final AtomicInteger signaturesVerified = new AtomicInteger();
  private static final PacedRobot pacedRobot = new PacedRobot(20, Duration.ofMinutes(1));
  private static final SmsReceiver sms = new SmsReceiver("duban", "sms-secret");

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("duban.reminders.webhooks.jrj", () -> "http://localhost:" + HOOK_PORT + "/robot");
    registry.add("duban.reminders.webhook-secrets.jrj", () -> DINGTALK_SECRET);
    for (String unit : PACED_UNITS) {
      registry.add("duban.reminders.webhooks." + unit, () -> "http://localhost:" + HOOK_PORT + "/paced");
    }
    registry.add("duban.reminders.sms.url", () -> "http://localhost:" + HOOK_PORT + "/sms");
  }

  @Autowired PlanImporter importer;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FormService formService;
  @Autowired NoticeStore store;
  @Autowired DispatchStore dispatches;
  @Autowired NoticeDispatcher dispatcher;
  @Autowired JdbcTemplate jdbc;
  @Autowired UnitDirectory directory;
  @Autowired SupervisionStart supervisionStart;

  private GreenMail smtp;
  private String plan;

  @BeforeAll
  static void startHook() throws IOException {
    hook = HttpServer.create(new InetSocketAddress("localhost", HOOK_PORT), 0);
    hook.createContext("/robot", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String refusal = DingTalkSignature.check(exchange.getRequestURI().getRawQuery(), DINGTALK_SECRET,
          System.currentTimeMillis());
      if (refusal != null) {
        answer(exchange, 200, refusal);
        return;
      }
      signaturesVerified.incrementAndGet();
      String next = hookAnswers.poll();
      if (next != null && !next.startsWith("{")) {
        answer(exchange, Integer.parseInt(next), "");
        return;
      }
      if (next == null || next.contains("\"errcode\":0")) {
        hookBodies.add(body);
      }
      answer(exchange, 200, next == null ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : next);
    });
    hook.createContext("/paced", pacedRobot);
    hook.createContext("/sms", sms);
    hook.start();
  }

  static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
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
    hookAnswers.clear();
    pacedRobot.clear();
    sms.clear();
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
    ClockUtil.reset();
    // what one test left waiting must not go out in the next
    jdbc.update("update duban_dispatch set status = 'DROPPED' where status <> 'SENT'");
    jdbc.update("update duban_notice_target set digest_id = 'DROPPED' where digest_id is null");
    jdbc.update("delete from duban_robot_send");
    jdbc.update("update duban_robot_pace set blocked_until = null");
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
    assertThat(last("duchashi@duban.example.cn").getSubject()).as("the office in copy").startsWith("【催办通知】第6项");
    assertThat(variable(pi, "trafficLight")).isEqualTo("YELLOW");

    at(LocalDateTime.of(2027, 1, 4, 9, 0)); // overdue since 2027-01-01, held over the New Year holiday
    runDueJobs();
    MimeMessage overdue = last("duchashi@duban.example.cn");
    assertThat(overdue.getSubject()).startsWith("【逾期督办】第6项");
    assertThat(String.valueOf(overdue.getContent())).contains("致：督查室（抄送：市地方金融监管局）");
    assertThat(last("jrj@duban.example.cn").getSubject()).as("the lead unit in copy").startsWith("【逾期督办】第6项");
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
  void sendsOneDigestPerUnitAndRungListingEveryTaskWhenAPlanIsImportedLate() throws Exception {
    importAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    runDueJobs();
    List<Notice> notices = planNotices();
    // the 19 tasks whose deadline passed (13 “十四五”末, five 2023年年底, one 2024年年底) get this week's 督办, nothing else
    assertThat(notices).hasSize(19).allMatch(n -> n.kind() == NoticeKind.OVERDUE);
    assertThat(notices.stream().map(Notice::businessKey).distinct()).hasSize(19);
    assertThat(notices).allMatch(n -> n.status().equals(Notice.SENT));

    // the office gets one 督办通知单 listing all 19, with the count in its subject
    MimeMessage digest = single("duchashi@duban.example.cn");
    assertThat(digest.getSubject()).isEqualTo("【逾期督办】19项任务已超过完成时限");
    String text = String.valueOf(digest.getContent());
    assertThat(text).startsWith("督办通知单").contains("致：督查室", "以下 19 项任务已超过完成时限");
    for (Notice n : notices) {
      assertThat(text).contains("（" + n.businessKey() + "）", "/camunda/app/tasklist/");
    }
    assertThat(text).contains("完成时限：2025-12-31；已逾期 330 天"); // “十四五”末, seen on 2026-11-26

    // each notice is recorded per task and shows the digest that carried it to each recipient
    String digestId = dispatches.deliveries(notices.get(0).id()).stream()
        .filter(d -> d.recipient().equals("unit:supervision")).findFirst().orElseThrow().digestId();
    for (Notice n : notices) {
      assertThat(dispatches.deliveries(n.id())).anySatisfy(d -> {
        assertThat(d.recipient()).isEqualTo("unit:supervision");
        assertThat(d.digestId()).isEqualTo(digestId);
        assertThat(d.tasks()).isEqualTo(19);
        assertThat(d.status()).isEqualTo(Notice.SENT);
      });
    }
    // and each lead unit one digest of its own overdue tasks: as many mails as units, not as tasks
    Map<String, Long> tasksPerUnit = notices.stream().flatMap(n -> n.ccUnits().stream())
        .collect(java.util.stream.Collectors.groupingBy(u -> u, java.util.stream.Collectors.counting()));
    assertThat(tasksPerUnit.values()).anyMatch(count -> count > 1);
    for (Map.Entry<String, Long> unit : tasksPerUnit.entrySet()) {
      String address = directory.byCode(unit.getKey()).orElseThrow().email();
      MimeMessage mail = single(address);
      assertThat(mail.getSubject()).isEqualTo(unit.getValue() == 1 ? mail.getSubject()
          : "【逾期督办】" + unit.getValue() + "项任务已超过完成时限");
      if (unit.getValue() > 1) {
        assertThat(String.valueOf(mail.getContent())).contains("（抄送）");
      }
    }
    assertThat(smtp.getReceivedMessages()).hasSize(1 + tasksPerUnit.size());

    at(LocalDateTime.of(2026, 11, 27, 10, 0)); // the next day brings nothing new
    runDueJobs();
    assertThat(planNotices()).hasSize(19);
    assertThat(smtp.getReceivedMessages()).hasSize(1 + tasksPerUnit.size());
  }

  @Test
  void retriesThroughAnSmtpOutageRaisesAnIncidentAndDeliversOnceAfterRecovery() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    smtp.stop();
    LocalDateTime first = LocalDateTime.of(2026, 12, 1, 9, 0);
    at(first);
    runDueJobs(); // refused: the connection fails
    assertThat(incidents(pi)).isEmpty();
    at(first.plusMinutes(1)); // the first retry
    runDueJobs();
    at(first.plusMinutes(6)); // the second; the back-off (PT1M,PT5M) has run out: an incident
    runDueJobs();
    assertThat(incidents(pi)).singleElement().satisfies(i ->
        assertThat(i.getIncidentMessage()).startsWith(DeliveryIncidents.FAILURE).contains("邮件服务器连接失败"));
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notice.PENDING);
      assertThat(n.lastError()).contains("邮件服务器连接失败");
    });
    assertThat(mailDispatch(pi)).containsEntry("attempts", 3);

    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", "smtp"));
    smtp.start();
    at(first.plusMinutes(10)); // not yet: the recovery interval (10 minutes) counts from the last attempt
    runDueJobs();
    assertThat(messagesTo("jrj@duban.example.cn")).isEmpty();
    at(first.plusMinutes(16));
    runDueJobs();
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
    assertThat(incidents(pi)).as("resolved once the mail went out").isEmpty();
    assertThat(notices(pi)).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(Notice.SENT));
    at(first.plusMinutes(40));
    runDueJobs();
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
  }

  @Test
  void aWebhookFailureAfterTheMailWasSentRetriesTheWebhookOnly() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    hookAnswers.add("500");
    at(LocalDateTime.of(2026, 12, 1, 9, 0));
    runDueJobs(); // mailed, then the robot answered 500: the robot's message waits for its retry
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
    assertThat(hookBodies).isEmpty();
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notice.PENDING);
      assertThat(n.channels()).containsExactly("mail:jrj@duban.example.cn");
      assertThat(n.lastError()).contains("HTTP 500");
    });

    at(LocalDateTime.of(2026, 12, 1, 9, 1));
    runDueJobs();

    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
    assertThat(hookBodies).singleElement().asString().contains("临近提醒");
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notice.SENT);
      assertThat(n.channels()).containsExactlyInAnyOrder("mail:jrj@duban.example.cn", "hook:jrj");
    });
  }

  @Test
  void takesOverAMessageLeftInSendingOnlyOnceItsClaimHasExpired() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    LocalDateTime nine = LocalDateTime.of(2026, 12, 1, 9, 0);
    at(nine);
    runJobs(); // records the 临近提醒
    // a node gathered it and died while posting to the robot
    hookAnswers.add("500");
    dispatcher.round();
    hookAnswers.clear();
    String robot = jdbc.queryForObject("select d.id from duban_dispatch d join duban_notice_target t on t.digest_id ="
        + " d.digest_id where t.notice_id = ? and d.channel = 'robot'", String.class, notices(pi).get(0).id());
    at(nine.plusMinutes(1));
    assertThat(dispatches.claim(robot, ClockUtil.getCurrentTime().toInstant(), Instant.EPOCH)).isTrue();

    at(nine.plusMinutes(5)); // within the claim timeout (5 minutes): the sender may be alive
    dispatcher.round();
    assertThat(hookBodies).isEmpty();
    assertThat(notices(pi)).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(Notice.PENDING));

    at(nine.plusMinutes(6));
    dispatcher.round();
    assertThat(notices(pi)).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(Notice.SENT));
    assertThat(jdbc.queryForObject("select attempts from duban_dispatch where id = ?", Integer.class, robot))
        .as("the failed post, the dead node's claim, the takeover").isEqualTo(3);
    assertThat(hookBodies).singleElement().asString().contains("临近提醒");
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
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

  @Test
  void readsEachClassOfRobotAnswer() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    LocalDateTime nine = LocalDateTime.of(2026, 12, 1, 9, 0);
    // rate limit, then a transient error, then a configuration fault, then success
    hookAnswers.addAll(List.of("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}", "500",
        "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}"));
    at(nine);
    runDueJobs();
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).as("a refusal in an HTTP 200 is not a success").isEqualTo(Notice.PENDING);
      assertThat(n.lastError()).contains("45009", "api freq out of limit");
    });
    assertThat(incidents(pi)).as("a rate limit is no failure").isEmpty();
    at(nine.plusSeconds(30)); // the robot's window (a minute) has not passed
    dispatcher.round();
    assertThat(hookAnswers).hasSize(2);
    at(nine.plusSeconds(62));
    dispatcher.round(); // tried after the window: HTTP 500, transient
    assertThat(hookAnswers).hasSize(1);
    assertThat(incidents(pi)).isEmpty();
    at(nine.plusSeconds(62 + 60));
    dispatcher.round(); // the retry after PT1M: 310000, a configuration fault, an incident at once
    assertThat(hookAnswers).isEmpty();
    assertThat(incidents(pi)).singleElement().satisfies(i -> assertThat(i.getIncidentMessage())
        .startsWith(DeliveryIncidents.FAILURE).contains("市地方金融监管局的机器人", "errcode 310000",
            "keywords not in content", "安全设置"));
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notice.PENDING);
      assertThat(n.lastError()).contains("310000", "keywords not in content");
    });
    int posts = signaturesVerified.get();
    at(nine.plusMinutes(8)); // not retried every few seconds, nor after the back-off
    dispatcher.round();
    assertThat(signaturesVerified.get()).isEqualTo(posts);
    at(nine.plusMinutes(13)); // the recovery interval: someone may have fixed it; now it works
    dispatcher.round();
    assertThat(hookBodies).singleElement().asString().contains("临近提醒");
    assertThat(incidents(pi)).as("resolved by the delivery").isEmpty();
    assertThat(notices(pi)).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(Notice.SENT));
    assertThat(messagesTo("jrj@duban.example.cn")).as("mail went its own way at once").hasSize(1);
  }

  @Test
  void signsEveryPostToADingTalkRobotAndTheRobotChecksTheSignature() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    acknowledgeAndContribute(pi);
    int before = signaturesVerified.get();
    at(LocalDateTime.of(2026, 12, 1, 9, 0));
    runDueJobs();
    assertThat(signaturesVerified.get()).isEqualTo(before + 1);
    assertThat(hookBodies).singleElement().asString().contains("临近提醒");

    // the receiver refuses what 钉钉 refuses: an old timestamp, a wrong secret, no signature
    long now = System.currentTimeMillis();
    String url = "http://localhost:" + HOOK_PORT + "/robot";
    assertThat(post(RobotSigner.signedUrl(url, DINGTALK_SECRET, now - Duration.ofMinutes(61).toMillis())))
        .contains("310000");
    assertThat(post(RobotSigner.signedUrl(url, "SECwrong", now))).contains("310000", "sign not match");
    assertThat(post(url)).contains("310000");
    assertThat(post(RobotSigner.signedUrl(url, DINGTALK_SECRET, now))).contains("\"errcode\":0");
  }

  @Test
  void retriesAMailTheServerRefusesFor4xxAndRaisesAnIncidentFor5xx() throws Exception {
    smtp.stop();
    smtp = null;
    // jrj's mailbox is busy once (450); the office's does not exist (550)
    try (FakeSmtp server = new FakeSmtp(SMTP_PORT, Map.of("jrj@duban.example.cn", 1),
        List.of("duchashi@duban.example.cn"))) {
      ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
      runDueJobs();
      acknowledgeAndContribute(pi);
      LocalDateTime nine = LocalDateTime.of(2026, 12, 24, 9, 0); // 催办 to jrj, the office in copy
      at(nine);
      runDueJobs();
      assertThat(server.delivered()).isEmpty();
      assertThat(incidents(pi)).singleElement().satisfies(i -> assertThat(i.getIncidentMessage())
          .contains("邮件服务器永久拒收（550）", "duchashi@duban.example.cn"));
      assertThat(server.connections()).as("both mails on one connection").isEqualTo(1);

      at(nine.plusMinutes(1)); // 450 is retried after the back-off's first step
      dispatcher.round();
      assertThat(server.delivered()).containsExactly("jrj@duban.example.cn");
      assertThat(server.refusals("duchashi@duban.example.cn")).as("a 5xx is not retried soon").isEqualTo(1);
      assertThat(notices(pi)).singleElement().satisfies(n -> {
        assertThat(n.status()).isEqualTo(Notice.PENDING);
        assertThat(n.channels()).contains("mail:jrj@duban.example.cn");
        assertThat(n.lastError()).contains("550");
      });
    }
  }

  @Test
  void pacesABurstToARobotThatAllowsTwentyAMinuteWithoutARefusalOrALoss() throws Exception {
    importAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    runDueJobs();
    int first = pacedRobot.accepted().size();
    at(LocalDateTime.of(2026, 12, 2, 9, 0)); // 签收 limits passed: one 超时提醒 per task, per task to its lead unit
    runJobs();
    long expected = jdbc.queryForObject("select count(*) from duban_notice_target t join duban_notice n on n.id ="
        + " t.notice_id where n.business_key like ? and n.kind = 'STEP' and t.recipient in ("
        + String.join(",", PACED_UNITS.stream().map(u -> "'unit:" + u + "'").toList()) + ")", Long.class, plan + "-%");
    assertThat(expected).as("more than a minute's worth for the shared robot").isGreaterThan(20);
    dispatcher.round();
    int mailsAfterFirstRound = smtp.getReceivedMessages().length;
    for (int i = 0; i < 20 && pendingDispatches() > 0; i++) {
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 20_000));
      dispatcher.round();
    }
    assertThat(pendingDispatches()).isZero();
    assertThat(pacedRobot.refused()).as("refused by the robot").isZero();
    List<String> steps = pacedRobot.accepted().subList(first, pacedRobot.accepted().size()).stream()
        .filter(b -> b.contains("超时提醒")).toList();
    assertThat(steps).hasSize((int) expected).doesNotHaveDuplicates();
    assertThat(smtp.getReceivedMessages()).as("mail did not wait for the robot").hasSize(mailsAfterFirstRound);
    assertThat(planNotices()).allMatch(n -> n.status().equals(Notice.SENT));
  }

  @Test
  void reachesTheResponsiblePersonByMailAndSms() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    complete(pi, SupervisionProcess.ACKNOWLEDGE, Map.of("ackDecision", "accept", "responsiblePerson", "王立新",
        "contactPhone", "139 1234 5678", "contactEmail", "wanglixin@jrj.example.cn",
        "workPlan", "按季度推进，年底前完成目标任务。", "milestones", "12月底完成"));
    at(LocalDateTime.of(2026, 12, 1, 9, 0));
    runDueJobs();
    assertThat(single("wanglixin@jrj.example.cn").getSubject()).startsWith("【临近提醒】第6项");
    assertThat(sms.messages()).singleElement().satisfies(m -> {
      assertThat(m.get("mobile")).isEqualTo("13912345678");
      assertThat(m.get("content")).startsWith("【督办】【临近提醒】第6项").contains("距完成时限 2026-12-31 还有 30 天");
    });
    assertThat(messagesTo("jrj@duban.example.cn")).as("and the unit's mailbox").hasSize(1);
    assertThat(dispatches.deliveries(notices(pi).get(0).id())).extracting(DispatchStore.Delivery::recipient)
        .containsExactlyInAnyOrder("unit:jrj", "person:王立新/139 1234 5678/wanglixin@jrj.example.cn");
  }

  @Test
  void holdsAnSmsPastOfficeHoursUntilTheNextWorkingMorning() throws Exception {
    ProcessInstance pi = startAt(LocalDateTime.of(2026, 11, 26, 10, 0), 6);
    runDueJobs();
    complete(pi, SupervisionProcess.ACKNOWLEDGE, Map.of("ackDecision", "accept", "responsiblePerson", "王立新",
        "contactPhone", "13912345678", "workPlan", "按季度推进，年底前完成目标任务。", "milestones", "12月底完成"));
    sms.failNext(1); // the gateway is down at 17:59
    at(LocalDateTime.of(2026, 12, 1, 17, 59));
    runDueJobs();
    assertThat(messagesTo("jrj@duban.example.cn")).hasSize(1);
    assertThat(sms.messages()).isEmpty();
    at(LocalDateTime.of(2026, 12, 1, 18, 0)); // the retry is due, but office hours are over
    dispatcher.round();
    at(LocalDateTime.of(2026, 12, 1, 22, 30));
    dispatcher.round();
    assertThat(sms.messages()).isEmpty();
    assertThat(hookBodies).hasSize(1);
    at(LocalDateTime.of(2026, 12, 2, 9, 0));
    dispatcher.round();
    assertThat(sms.messages()).singleElement().satisfies(m -> assertThat(m.get("mobile")).isEqualTo("13912345678"));
  }

  // helpers

  private String post(String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"msgtype\":\"text\",\"text\":{\"content\":\"测试\"}}"))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  private List<Notice> planNotices() {
    return store.find(null, null).stream().filter(n -> n.businessKey().startsWith(plan + "-")).toList();
  }

  private List<org.camunda.bpm.engine.runtime.Incident> incidents(ProcessInstance pi) {
    return runtimeService.createIncidentQuery().processInstanceId(pi.getId()).incidentType(DeliveryIncidents.TYPE).list();
  }

  private Map<String, Object> mailDispatch(ProcessInstance pi) {
    Map<String, Object> row = jdbc.queryForMap("select d.attempts, d.status from duban_dispatch d join duban_notice_target t"
        + " on t.digest_id = d.digest_id where t.notice_id = ? and d.channel = 'mail'", notices(pi).get(0).id());
    Map<String, Object> lower = new java.util.HashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(), v instanceof Number number ? number.intValue() : v));
    return lower;
  }

  private int pendingDispatches() {
    return jdbc.queryForObject("select count(*) from duban_dispatch where status in ('PENDING', 'SENDING')", Integer.class);
  }

  private MimeMessage single(String address) throws Exception {
    List<MimeMessage> messages = messagesTo(address);
    assertThat(messages).as("mails to %s", address).hasSize(1);
    return messages.get(0);
  }

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
        supervisionStart.variables(plan, task.assignment(), time.toLocalDate()));
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

  /** Runs every job of this test's plan that is due now, until none is left, then a delivery round. */
  private void runDueJobs() {
    runJobs();
    dispatcher.round();
  }

  private void runJobs() {
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
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private void acknowledgeAndContribute(ProcessInstance pi) {
    complete(pi, SupervisionProcess.ACKNOWLEDGE, Map.of("ackDecision", "accept", "responsiblePerson", "张建国",
        "contactPhone", "0531-86051234", "workPlan", "按季度推进，年底前完成目标任务。", "milestones", "12月底完成"));
    for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(SupervisionProcess.SUBMIT_CONTRIBUTION).list()) {
      formService.submitTaskForm(t.getId(), Map.of("contribution", "已按分工完成配合工作，提供相关数据。"));
    }
  }

  private void report(ProcessInstance pi) {
    complete(pi, SupervisionProcess.SUBMIT_REPORT, Map.of("submissionType", "report", "reportStatus", "已完成",
        "reportSummary", "已完成全部措施，专营机构建设到位。")); // task 6 states no target: no figures field
  }

  private void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
    formService.submitTaskForm(task.getId(), TasklistValues.of(variables));
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
