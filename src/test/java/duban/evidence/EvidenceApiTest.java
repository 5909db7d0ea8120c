package duban.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.overview.Overviews;
import duban.overview.TimelineEntry;
import duban.plan.Plan;
import duban.plan.PlanTask;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.LifecycleDriver;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionStart;
import duban.unit.UnitDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Evidence over real HTTP, on task 2 of the Jinan table started on 2023-03-01 (its deadline ahead): leads 起步区
 * (primary) and 章丘区政府, five supporting units. Shares the application of PlanApiTest (same settings).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class EvidenceApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger PLANS = new AtomicInteger();
  private static final LocalDate STARTED = LocalDate.of(2023, 3, 1);
  /** A unit with no part in task 2. */
  private static final String OTHER_UNIT = "jrj";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired SupervisionStart supervisionStart;
  @Autowired UnitDirectory directory;
  @Autowired JdbcTemplate jdbc;
  @Autowired EvidenceStore store;
  @Autowired EvidenceAccess access;
  @Autowired PlatformTransactionManager transactions;
  @Autowired EvidenceLedger ledger;
  @Autowired Overviews overviews;
  @Autowired EvidenceJournal journal;

  private Api api;
  private LifecycleDriver driver;
  private ProcessInstance pi;
  private String primary;
  private String coLead;
  private String supporter;

  @BeforeEach
  void startTask2AndAcknowledge() throws IOException {
    ClockUtil.setCurrentTime(Date.from(STARTED.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    api = new Api(port);
    driver = new LifecycleDriver(context);
    Plan seed;
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      seed = new TaskDivisionTableParser(directory).parse("SEED", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    PlanTask task2 = seed.tasks().get(1);
    String plan = "EVID" + PLANS.incrementAndGet();
    pi = runtimeService.startProcessInstanceByKey(SupervisionProcess.KEY, SupervisionProcess.businessKey(plan, 2),
        supervisionStart.variables(plan, task2.assignment(), STARTED));
    for (Task ack : open(SupervisionProcess.ACKNOWLEDGE)) {
      driver.complete(ack);
    }
    primary = (String) runtimeService.getVariable(pi.getId(), "primaryLeadUnit");
    List<String> leads = Arrays.asList(((String) runtimeService.getVariable(pi.getId(), "leadUnits")).split(","));
    coLead = leads.get(1);
    supporter = ((String) runtimeService.getVariable(pi.getId(), "supportingUnits")).split(",")[0];
    assertThat(primary).isEqualTo("qibuqu");
    assertThat(List.of(primary, coLead, supporter)).doesNotContain(OTHER_UNIT);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  private List<Task> open(String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  private Task contributionOf(String unit) {
    return taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(SupervisionProcess.SUBMIT_CONTRIBUTION).taskCandidateGroup(unit).singleResult();
  }

  private JsonNode uploaded(String user, String taskId, String name, String type, byte[] content) throws Exception {
    HttpResponse<byte[]> response = api.upload(user, taskId, name, type, content);
    assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String message(HttpResponse<byte[]> response) throws IOException {
    return JSON.readTree(response.body()).get("message").asText();
  }

  private long stored() {
    return jdbc.queryForObject("select count(*) from duban_evidence where process_instance_id = ?", Long.class, pi.getId());
  }

  private long chunks() {
    return jdbc.queryForObject("select count(*) from duban_evidence_chunk", Long.class);
  }

  private List<String> namesListed(String user, String taskId) throws Exception {
    HttpResponse<byte[]> response = api.get(user, "/api/tasks/" + taskId + "/evidence");
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    List<String> names = new ArrayList<>();
    JSON.readTree(response.body()).get("rounds").forEach(r -> r.get("files").forEach(f -> names.add(f.get("name").asText())));
    return names;
  }

  // ------------------------------------------------------------------------------------------------ attaching

  @Test
  void unitAttachesEveryAcceptedKindAndReadsItBack() throws Exception {
    String task = contributionOf(supporter).getId();
    Map<String, byte[]> files = Map.of("会议纪要.pdf", Samples.pdf(), "现场照片.png", Samples.png(),
        "基地揭牌.jpg", Samples.jpeg(), "工作总结.docx", Samples.docx("总结"), "服务企业名单.xlsx", Samples.xlsx(),
        "旧版名单.xls", Samples.xls(), "电子公文.ofd", Samples.ofd());
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      JsonNode created = uploaded(supporter, task, file.getKey(), null, file.getValue());
      assertThat(created.get("name").asText()).isEqualTo(file.getKey());
      assertThat(created.get("size").asLong()).isEqualTo(file.getValue().length);
      HttpResponse<byte[]> back = api.get(supporter, "/api/evidence/" + created.get("id").asText());
      assertThat(back.statusCode()).isEqualTo(200);
      assertThat(back.body()).isEqualTo(file.getValue());
      assertThat(back.headers().firstValue("Content-Type")).contains(created.get("type").asText());
      assertThat(back.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("attachment; filename=\"").contains("filename*=UTF-8''");
      assertThat(back.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
    assertThat(namesListed(supporter, task)).containsExactlyInAnyOrderElementsOf(files.keySet());
    assertThat(JSON.readTree(uploaded(supporter, task, "x.pdf", "application/pdf", Samples.pdf()).toString())
        .get("type").asText()).isEqualTo("application/pdf");
  }

  @Test
  void refusesBadUploadsWithAChineseMessageAndStoresNothing() throws Exception {
    String task = contributionOf(supporter).getId();
    long chunksBefore = chunks();
    record Bad(String name, String type, byte[] content, int status, String message) {}
    List<Bad> bad = List.of(
        new Bad("空文件.pdf", "application/pdf", new byte[0], 400, "文件为空"),
        new Bad("通知.pdf", "application/pdf", Samples.windowsExecutable(), 400, "可执行文件"),
        new Bad("通知.txt", "text/plain", "只是文字".getBytes(StandardCharsets.UTF_8), 400, "无法识别的文件类型"),
        new Bad("照片.png", "application/pdf", Samples.png(), 400, "声明的文件类型（application/pdf）与文件内容（PNG 图片）不符"),
        new Bad("照片.pdf", null, Samples.png(), 400, "扩展名 .pdf 与文件内容"),
        new Bad("纪要.docx", null, Samples.zipBomb(30), 400, "zip 炸弹"));
    for (Bad b : bad) {
      HttpResponse<byte[]> response = api.upload(supporter, task, b.name(), b.type(), b.content());
      assertThat(response.statusCode()).as(b.name() + ": " + text(response)).isEqualTo(b.status());
      assertThat(message(response)).contains(b.message());
    }
    HttpResponse<byte[]> noFile = api.json(supporter, "POST", "/api/tasks/" + task + "/evidence", "{}");
    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(message(noFile)).contains("multipart/form-data");
    assertThat(stored()).isZero();
    assertThat(chunks()).isEqualTo(chunksBefore);
  }

  @Test
  void eachFileAddedOrRemovedIsOnTheTasksTimelineAndTheLedgerCountsWhatIsLeft() throws Exception {
    String plan = pi.getBusinessKey().substring(0, pi.getBusinessKey().lastIndexOf('-'));
    String task = contributionOf(supporter).getId();
    uploaded(supporter, task, "座谈会纪要.pdf", "application/pdf", Samples.pdf());
    String photo = uploaded(supporter, task, "现场照片.png", "image/png", Samples.png()).get("id").asText();
    assertThat(overviews.evidenceFiles(plan)).containsEntry(2, 2);
    assertThat(api.delete(supporter, "/api/evidence/" + photo).statusCode()).isEqualTo(204);

    List<TimelineEntry> timeline = overviews.timeline(plan, 2);
    String unit = directory.byCode(supporter).orElseThrow().name();
    assertThat(timeline).filteredOn(e -> e.kind().startsWith("EVIDENCE")).extracting("kind", "unit", "actor")
        .containsExactly(tuple("EVIDENCE_ADDED", unit, supporter), tuple("EVIDENCE_ADDED", unit, supporter),
            tuple("EVIDENCE_REMOVED", unit, supporter));
    assertThat(timeline).filteredOn("kind", "EVIDENCE_ADDED").extracting("what").first().asString()
        .contains("上传佐证材料「座谈会纪要.pdf」", "配合情况");
    assertThat(timeline).filteredOn("kind", "EVIDENCE_REMOVED").extracting("what").first().asString()
        .contains("删除佐证材料「现场照片.png」");
    assertThat(overviews.evidenceFiles(plan)).containsEntry(2, 1);
  }

  @Test
  void refusesAFileOverTheLimitBeforeReadingItsBody() throws Exception {
    String task = contributionOf(supporter).getId();
    // 30 MB declared, a few bytes sent, the line left open: the answer comes without the server waiting for the rest
    String answer = api.rawUpload(supporter, task, 30L << 20, Api.partHead("大文件.pdf", "application/pdf"), false);
    // main's body-size filter (security) or the evidence gate answers, whichever comes first
    assertThat(answer).startsWith("HTTP/1.1 413");
    // a body the declared length lets through is still cut at 20 MB by the multipart parser
    byte[] overOneFile = Arrays.copyOf(Samples.pdf(), (20 << 20) + 1);
    HttpResponse<byte[]> tooBig = api.upload(supporter, task, "大文件.pdf", "application/pdf", overOneFile);
    assertThat(tooBig.statusCode()).as(text(tooBig)).isEqualTo(413);
    assertThat(message(tooBig)).contains("超过允许的大小");
    assertThat(stored()).isZero();
  }

  @Test
  void refusesAnotherUnitsTaskBeforeReadingTheBody() throws Exception {
    String task = contributionOf(supporter).getId();
    String participant = api.rawUpload(coLead, task, 5L << 20, Api.partHead("a.pdf", null), false);
    assertThat(participant).startsWith("HTTP/1.1 403").contains("只有承办该环节的单位可以添加佐证材料");
    String outsider = api.rawUpload(OTHER_UNIT, task, 5L << 20, Api.partHead("a.pdf", null), false);
    assertThat(outsider).startsWith("HTTP/1.1 404").contains("任务不存在或无权查看");
    assertThat(api.upload(null, task, "a.pdf", null, Samples.pdf()).statusCode()).isEqualTo(401);
    // the office reviews; it does not attach to a unit's step
    assertThat(api.upload("supervisor", task, "a.pdf", null, Samples.pdf()).statusCode()).isEqualTo(403);
    assertThat(stored()).isZero();
  }

  @Test
  void anInterruptedUploadLeavesNothing() throws Exception {
    String task = contributionOf(supporter).getId();
    long chunksBefore = chunks();
    byte[] head = Api.partHead("会议纪要.pdf", "application/pdf");
    byte[] partial = Arrays.copyOf(head, head.length + 200_000);
    System.arraycopy(Samples.pdf(), 0, partial, head.length, Samples.pdf().length);
    String answer = api.rawUpload(supporter, task, 2_000_000, partial, true);
    assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 400"));
    assertThat(stored()).isZero();
    assertThat(chunks()).isEqualTo(chunksBefore);
    // and the next, complete upload goes through
    uploaded(supporter, task, "会议纪要.pdf", "application/pdf", Samples.pdf());
  }

  @Test
  void limitsTheFilesAndBytesOfATask() throws Exception {
    EvidenceSettings small = new EvidenceSettings(DataSize.ofKilobytes(100), DataSize.ofKilobytes(101),
        DataSize.ofKilobytes(100), 2, DataSize.ofMegabytes(10));
    EvidenceService limited = new EvidenceService(store, access, small, new TransactionTemplate(transactions), journal);
    String task = contributionOf(supporter).getId();
    identityService.setAuthentication(supporter, List.of(supporter));
    byte[] big = Arrays.copyOf(Samples.pdf(), 60_000);
    System.arraycopy("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), 0, big, big.length - 7, 7);
    limited.attach(task, "一.pdf", null, big.length, new java.io.ByteArrayInputStream(big));
    byte[] overOne = Arrays.copyOf(Samples.pdf(), 101 * 1024);
    // a client that understates the size is cut off while the content is copied
    assertThatThrownBy(() -> limited.attach(task, "五.pdf", null, 10, new java.io.ByteArrayInputStream(overOne)))
        .hasMessageContaining("超过单个文件的大小上限 100 KB");
    assertThatThrownBy(() -> limited.attach(task, "二.pdf", null, big.length, new java.io.ByteArrayInputStream(big)))
        .hasMessageContaining("本任务的佐证材料合计将超过上限 100 KB");
    limited.attach(task, "三.pdf", null, Samples.pdf().length, new java.io.ByteArrayInputStream(Samples.pdf()));
    assertThatThrownBy(() -> limited.attach(task, "四.pdf", null, 10, new java.io.ByteArrayInputStream(Samples.pdf())))
        .hasMessageContaining("已有 2 个，达到上限 2 个");
    assertThat(stored()).isEqualTo(2);
  }

  // ------------------------------------------------------------------------------------------------ who reads what

  @Test
  void eachRoleReadsExactlyWhatItMay() throws Exception {
    String supporterTask = contributionOf(supporter).getId();
    String coLeadTask = contributionOf(coLead).getId();
    String bySupporter = uploaded(supporter, supporterTask, "配合材料.pdf", null, Samples.pdf()).get("id").asText();
    String byCoLead = uploaded(coLead, coLeadTask, "章丘情况.png", null, Samples.png()).get("id").asText();

    // units see their own; the primary lead, the office and the joint-conference office see both
    assertThat(namesListed(supporter, supporterTask)).containsExactly("配合材料.pdf");
    assertThat(namesListed(coLead, coLeadTask)).containsExactly("章丘情况.png");
    assertThat(namesListed(primary, supporterTask)).containsExactlyInAnyOrder("配合材料.pdf", "章丘情况.png");
    assertThat(namesListed("supervisor", coLeadTask)).containsExactlyInAnyOrder("配合材料.pdf", "章丘情况.png");
    assertThat(namesListed("leader", coLeadTask)).containsExactlyInAnyOrder("配合材料.pdf", "章丘情况.png");
    for (String reader : List.of(supporter, primary, "supervisor", "leader")) {
      assertThat(api.get(reader, "/api/evidence/" + bySupporter).statusCode()).as(reader).isEqualTo(200);
    }
    for (String reader : List.of(coLead, primary, "supervisor", "leader")) {
      assertThat(api.get(reader, "/api/evidence/" + byCoLead).statusCode()).as(reader).isEqualTo(200);
    }
    // a supporting unit does not read the co-lead's file, even knowing its id
    assertThat(api.get(supporter, "/api/evidence/" + byCoLead).statusCode()).isEqualTo(404);
    // another unit, and the administrator, see nothing and learn nothing: the same 404 as for an id that never was
    for (String outsider : List.of(OTHER_UNIT, "demo")) {
      HttpResponse<byte[]> byId = api.get(outsider, "/api/evidence/" + bySupporter);
      HttpResponse<byte[]> made = api.get(outsider, "/api/evidence/00000000-0000-0000-0000-000000000000");
      assertThat(byId.statusCode()).as(outsider).isEqualTo(404);
      assertThat(made.statusCode()).isEqualTo(404);
      assertThat(message(byId).replace(bySupporter, "ID")).isEqualTo(message(made).replace("00000000-0000-0000-0000-000000000000", "ID"));
      assertThat(api.get(outsider, "/api/tasks/" + supporterTask + "/evidence").statusCode()).isEqualTo(404);
      assertThat(api.delete(outsider, "/api/evidence/" + bySupporter).statusCode()).isEqualTo(404);
    }
    assertThat(api.get(null, "/api/evidence/" + bySupporter).statusCode()).isEqualTo(401);
    assertThat(api.get(null, "/api/tasks/" + supporterTask + "/evidence").statusCode()).isEqualTo(401);
    // only the unit that attached a file changes it
    assertThat(api.delete(primary, "/api/evidence/" + bySupporter).statusCode()).isEqualTo(403);
    assertThat(api.get(OTHER_UNIT, "/api/evidence/" + bySupporter + ";x=1").statusCode()).isEqualTo(404);
  }

  @Test
  void theEnginesOwnAttachmentsAreClosedToUnitsAndOffices() throws Exception {
    String task = contributionOf(supporter).getId();
    HttpResponse<byte[]> create = api.post(supporter, "/engine-rest/task/" + task + "/attachment/create",
        "multipart/form-data; boundary=" + Api.BOUNDARY, ("--" + Api.BOUNDARY + "\r\nContent-Disposition: form-data; "
            + "name=\"attachment-name\"\r\n\r\n会议纪要\r\n--" + Api.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    // refused either way: the REST layer does not find the task for the unit, or the engine refuses the command
    assertThat(create.statusCode()).as(text(create)).isIn(400, 403);
    // the unit may not read the task's history, so the REST layer answers 404 before the engine's 403
    assertThat(api.get(supporter, "/engine-rest/task/" + task + "/attachment").statusCode()).isIn(403, 404);
    for (String office : List.of("supervisor", "leader")) {
      HttpResponse<byte[]> list = api.get(office, "/engine-rest/task/" + task + "/attachment");
      assertThat(list.statusCode()).as(office + " " + text(list)).isEqualTo(403);
      assertThat(text(list)).contains("佐证材料");
    }
    identityService.setAuthentication(supporter, List.of(supporter));
    assertThatThrownBy(() -> taskService.createAttachment("application/pdf", task, null, "a.pdf", null, "http://x"))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    // the administrator keeps the engine's API
    HttpResponse<byte[]> asAdmin = api.get("demo", "/engine-rest/task/" + task + "/attachment");
    assertThat(asAdmin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(asAdmin.body())).as("nothing was attached").isEmpty();
  }

  @Test
  void theWebappSessionReadsButChangesNothingWithoutItsCsrfToken() throws Exception {
    String task = contributionOf(supporter).getId();
    String id = uploaded(supporter, task, "纪要.pdf", null, Samples.pdf()).get("id").asText();
    duban.security.WebappSessionClient session = new duban.security.WebappSessionClient(port);
    assertThat(session.login(supporter, "demo")).isEqualTo(200);
    assertThat(session.get("/api/tasks/" + task + "/evidence").statusCode()).isEqualTo(200);
    assertThat(session.get("/api/evidence/" + id).statusCode()).isEqualTo(200);
    session.forgetCsrfToken();
    assertThat(session.postJson("/api/tasks/" + task + "/evidence", "{}").statusCode()).isEqualTo(401);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void theLedgerCountsATasksFiles() throws Exception {
    uploaded(supporter, contributionOf(supporter).getId(), "一.pdf", null, Samples.pdf());
    uploaded(coLead, contributionOf(coLead).getId(), "二.png", null, Samples.png());
    assertThat(ledger.counts(List.of(pi.getId(), "none"))).containsExactly(Map.entry(pi.getId(), 2));
    assertThat(ledger.entries(pi.getId())).extracting(EvidenceLedger.Entry::name).containsExactlyInAnyOrder("一.pdf", "二.png");
  }

  // ------------------------------------------------------------------------------------------------ rounds

  @Test
  void filesCanBeNamedAndRemovedUntilSubmitThenBelongToTheirRound() throws Exception {
    Task contribution = contributionOf(supporter);
    String keep = uploaded(supporter, contribution.getId(), "草稿.pdf", null, Samples.pdf()).get("id").asText();
    String drop = uploaded(supporter, contribution.getId(), "误传.png", null, Samples.png()).get("id").asText();
    HttpResponse<byte[]> renamed = api.json(supporter, "PATCH", "/api/evidence/" + keep, "{\"name\":\"<b>配合情况说明</b>\"}");
    assertThat(renamed.statusCode()).as(text(renamed)).isEqualTo(200);
    assertThat(JSON.readTree(renamed.body()).get("name").asText()).isEqualTo("配合情况说明.pdf");
    assertThat(api.delete(supporter, "/api/evidence/" + drop).statusCode()).isEqualTo(204);
    assertThat(api.get(supporter, "/api/evidence/" + drop).statusCode()).isEqualTo(404);

    driver.complete(contribution);
    HttpResponse<byte[]> late = api.upload(supporter, contribution.getId(), "补充.pdf", null, Samples.pdf());
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(message(late)).contains("已提交");
    assertThat(api.delete(supporter, "/api/evidence/" + keep).statusCode()).isEqualTo(409);
    assertThat(api.json(supporter, "PATCH", "/api/evidence/" + keep, "{\"name\":\"改名\"}").statusCode()).isEqualTo(409);
    JsonNode listing = JSON.readTree(api.get(supporter, "/api/tasks/" + contribution.getId() + "/evidence").body());
    assertThat(listing.get("canAttach").asBoolean()).isFalse();
    assertThat(listing.at("/rounds/0/files/0/editable").asBoolean()).isFalse();

    // the rest contribute; the primary lead reports with a file of its own, the office returns the report
    open(SupervisionProcess.SUBMIT_CONTRIBUTION).forEach(driver::complete);
    Task report = open(SupervisionProcess.SUBMIT_REPORT).get(0);
    uploaded(primary, report.getId(), "第一次报送.docx", null, Samples.docx("第一次"));
    driver.complete(report);
    Task review = open(SupervisionProcess.REVIEW_REPORT).get(0);
    assertThat(api.json("supervisor", "POST", "/engine-rest/task/" + review.getId() + "/claim",
        "{\"userId\":\"supervisor\"}").statusCode()).isEqualTo(204);
    HttpResponse<byte[]> returned = api.json("supervisor", "POST", "/engine-rest/task/" + review.getId() + "/submit-form",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"return\"},"
            + "\"reviewComment\":{\"value\":\"请补充服务企业名单后重新报送。\"}}}");
    assertThat(returned.statusCode()).as(text(returned)).isEqualTo(204);

    // a returned report opens round 2, which takes files again; round 1 stays as it was
    Task again = open(SupervisionProcess.SUBMIT_REPORT).get(0);
    byte[] list = Samples.xlsx();
    assertThat(uploaded(primary, again.getId(), "服务企业名单.xlsx", null, list).get("round").asInt()).isEqualTo(2);
    JsonNode rounds = JSON.readTree(api.get("supervisor", "/api/tasks/" + again.getId() + "/evidence").body()).get("rounds");
    assertThat(rounds).hasSize(2);
    assertThat(rounds.get(0).get("label").asText()).isEqualTo("第1轮");
    assertThat(rounds.get(0).findValuesAsText("name")).containsExactlyInAnyOrder("配合情况说明.pdf", "第一次报送.docx");
    assertThat(rounds.get(1).findValuesAsText("name")).containsExactly("服务企业名单.xlsx");
    assertThat(rounds.get(0).get("files").get(0).get("uploadedAt").asText()).isNotBlank();

    // the office downloads everything in folders by round and unit; units may not
    HttpResponse<byte[]> zip = api.get("supervisor", "/api/tasks/" + again.getId() + "/evidence/archive");
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
    Map<String, byte[]> entries = EvidenceRulesTest.unzip(zip.body());
    String top = pi.getBusinessKey() + "-佐证材料/";
    String supporterName = access.unitName(supporter);
    assertThat(entries.keySet()).containsExactlyInAnyOrder(
        top + "第1轮/" + supporterName + "/配合情况说明.pdf",
        top + "第1轮/" + access.unitName(primary) + "/第一次报送.docx",
        top + "第2轮/" + access.unitName(primary) + "/服务企业名单.xlsx");
    assertThat(entries.get(top + "第2轮/" + access.unitName(primary) + "/服务企业名单.xlsx")).isEqualTo(list);
    assertThat(entries.get(top + "第1轮/" + supporterName + "/配合情况说明.pdf")).isEqualTo(Samples.pdf());
    assertThat(api.get(primary, "/api/tasks/" + again.getId() + "/evidence/archive").statusCode()).isEqualTo(403);
  }
}
