package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The application as users reach it over HTTP, with the seed imported on start-up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class PlanApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    if (type != null) {
      headers.setContentType(type);
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = call(user, HttpMethod.GET, path, null, null);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  private ResponseEntity<String> importTable(String user, String code, String text) {
    return call(user, HttpMethod.POST, "/api/plans?code=" + code, text, new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8));
  }

  private long instancesOf(String planCode) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(planCode + "-%").count();
  }

  @Test
  void refusesCallsWithoutLogin() {
    assertThat(call(null, HttpMethod.GET, "/api/plans", null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call(null, HttpMethod.GET, "/engine-rest/task", null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders wrong = new HttpHeaders();
    wrong.setBasicAuth("zgh", "wrong"); // a user no other test logs in as: failed logins delay the next ones
    assertThat(http.exchange("/api/units", HttpMethod.GET, new HttpEntity<>(wrong), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void importedTheSeedOnStartUpWithOneInstancePerTask() throws Exception {
    JsonNode plans = get("kx", "/api/plans");
    assertThat(plans.findValuesAsText("code")).contains("JNSC2022");
    assertThat(instancesOf("JNSC2022")).isEqualTo(67);
    for (int n = 1; n <= 67; n++) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JNSC2022-" + n).count())
          .as("instance of task %d", n).isEqualTo(1);
    }
  }

  @Test
  void listsTasksInOrderWithUnitsAsWritten() throws Exception {
    JsonNode tasks = get("kx", "/api/plans/JNSC2022/tasks");
    assertThat(tasks).hasSize(67);
    JsonNode first = tasks.get(0);
    assertThat(first.get("number").asInt()).isEqualTo(1);
    assertThat(first.get("section").asText()).isEqualTo("建设创业创新平台，增强支撑能力。");
    assertThat(first.get("item").asText()).isEqualTo("打造创业创新公共服务平台。");
    assertThat(first.get("timeRequirement").asText()).isEqualTo("“十四五”末");
    assertThat(first.get("deadline").asText()).isEqualTo("2025-12-31");
    assertThat(first.get("leadUnits").findValuesAsText("name"))
        .containsExactly("市发展改革委", "市科技局", "市工业和信息化局", "市人力资源社会保障局");
    assertThat(first.get("leadUnits").get(0).get("units").get(0).asText()).isEqualTo("fgw");
    assertThat(first.get("supportingUnits").get(0).get("units")).hasSize(12);
    assertThat(first.get("supportingUnits").get(2).get("name").asText()).isEqualTo("园区");
    assertThat(first.get("supportingUnits").get(2).get("units")).isEmpty();
    JsonNode eleven = tasks.get(10);
    assertThat(eleven.get("deadline").isNull()).isTrue();
    assertThat(eleven.get("supportingUnits").findValuesAsText("name"))
        .containsExactly("市发展改革委", "市科技局", "市工业和信息化局", "市人力资源社会保障局");
    assertThat(call("kx", HttpMethod.GET, "/api/plans/NOPE/tasks", null, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void showsEachTasksTrafficLightAndItsReminders() throws Exception {
    JsonNode tasks = get("kx", "/api/plans/JNSC2022/tasks");
    assertThat(tasks.findValuesAsText("status")).hasSize(67).allMatch(s -> s.matches("GREEN|YELLOW|RED"));
    JsonNode three = tasks.get(2);
    assertThat(three.get("status").asText()).isEqualTo("RED"); // 2023年年底 has passed and nothing is reported
    assertThat(three.get("statusLabel").asText()).isEqualTo("红灯");

    // the import recorded one 督办 for task 3, addressed to the supervision office with 市科协 in copy
    JsonNode forTask3 = get("supervisor", "/api/reminders?task=JNSC2022-3");
    assertThat(forTask3).hasSize(1);
    assertThat(forTask3.get(0).get("kind").asText()).isEqualTo("OVERDUE");
    assertThat(forTask3.get(0).get("cc").get(0).asText()).isEqualTo("kx");
    assertThat(get("kx", "/api/reminders?unit=kx").findValuesAsText("task")).contains("JNSC2022-3");
    assertThat(get("kx", "/api/reminders").findValuesAsText("task")).doesNotContain("JNSC2022-42");
    assertThat(call("kx", HttpMethod.GET, "/api/reminders?unit=jrj", null, null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void servesTheUnitDirectory() throws Exception {
    JsonNode units = get("kx", "/api/units");
    Map<String, JsonNode> byCode = new java.util.HashMap<>();
    units.forEach(u -> byCode.put(u.get("code").asText(), u));
    assertThat(byCode.get("kx").get("name").asText()).isEqualTo("济南市科学技术协会");
    assertThat(byCode.get("kx").get("email").asText()).contains("@");
    assertThat(byCode.get("kx").get("kind").asText()).isEqualTo("MUNICIPAL_DEPARTMENT");
    assertThat(byCode.get("quxian").get("members")).hasSize(12);
    assertThat(byCode.get("lianzhang").get("needsDesignation").asBoolean()).isTrue();
  }

  @Test
  void showsTask3ToItsPrimaryLeadUnitWithItsForm() throws Exception {
    JsonNode tasks = get("kx", "/engine-rest/task?candidateGroup=kx&processInstanceBusinessKey=JNSC2022-3");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("name").asText()).startsWith("〔3〕报送办理情况");
    JsonNode form = get("kx", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/deployed-form");
    assertThat(form.get("id").asText()).isEqualTo("submit-report");
    assertThat(form.toString()).contains("完成状态");
  }

  @Test
  void onlyTheSupervisionOfficeAndAdminsImportTables() {
    ResponseEntity<String> response = importTable("kx", "OTHER", "x");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).contains("只有督查室和管理员可以导入任务分工表");
  }

  @Test
  void refusesAMalformedTableWholeAndStartsNothing() throws Exception {
    String broken = seed()
        .replace("\t2023年年底\n\t市科协", "\t明年\n\t市科协")           // task 3: unknown time phrase
        .replace("\t市地方金融监管局\n\t人民银行济南分行营管部、人民银行莱芜中心支行、山东",
            "\t市地方金融监督局\n\t人民银行济南分行营管部、人民银行莱芜中心支行、山东"); // task 6: unknown unit
    ResponseEntity<String> response = importTable("demo", "BROKEN", broken);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    JsonNode error = JSON.readTree(response.getBody());
    assertThat(error.get("message").asText()).contains("序号 3", "明年", "序号 6", "市地方金融监督局");
    assertThat(error.get("problems")).hasSize(2);
    assertThat(instancesOf("BROKEN")).isZero();
    assertThat(get("kx", "/api/plans").findValuesAsText("code")).doesNotContain("BROKEN");
  }

  @Test
  void importsAnotherTableOnceAndRefusesADifferentTableUnderTheSameCode() throws Exception {
    String text = seed();
    ResponseEntity<String> first = importTable("demo", "COPY2026", text);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(JSON.readTree(first.getBody()).get("started").asInt()).isEqualTo(67);

    JsonNode again = JSON.readTree(importTable("demo", "COPY2026", text).getBody());
    assertThat(again.get("started").asInt()).isZero();
    assertThat(again.get("skipped").asInt()).isEqualTo(67);
    assertThat(instancesOf("COPY2026")).isEqualTo(67);

    ResponseEntity<String> conflict = importTable("demo", "COPY2026", text.replace("超过400家", "超过500家"));
    assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(importTable("demo", "bad code!", text).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void refusesForgedSubmitsAndKeepsTheTaskOpen() throws Exception {
    // task 57 is past its deadline (2023年年底), so it waits at 市人力资源社会保障局's report
    Task report = taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-57").singleResult();
    String path = "/engine-rest/task/" + report.getId() + "/submit-form";
    String valid = "\"submissionType\":{\"value\":\"report\"},\"reportStatus\":{\"value\":\"已完成\"},"
        + "\"reportSummary\":{\"value\":\"组织3120家企业在平台注册开展供需对接。\"}"; // task 57 states no target

    // a lead unit may not approve its own report
    ResponseEntity<String> forged = call("rsj", HttpMethod.POST, path,
        "{\"variables\":{" + valid + ",\"reviewDecision\":{\"value\":\"approve\"}}}", MediaType.APPLICATION_JSON);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(forged.getBody()).contains("reviewDecision");

    ResponseEntity<String> missing = call("rsj", HttpMethod.POST, path,
        "{\"variables\":{\"submissionType\":{\"value\":\"report\"}}}", MediaType.APPLICATION_JSON);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody()).contains("「完成状态」为必填项", "「工作完成情况」为必填项");

    ResponseEntity<String> outOfRange = call("rsj", HttpMethod.POST, "/engine-rest/task/" + report.getId() + "/complete",
        "{\"variables\":{" + valid.replace("已完成\"}", "全部完成\"}") + "}}", MediaType.APPLICATION_JSON);
    assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(outOfRange.getBody()).contains("不能选择「全部完成」");

    assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);

    ResponseEntity<String> ok = call("rsj", HttpMethod.POST, path, "{\"variables\":{" + valid + "}}", MediaType.APPLICATION_JSON);
    assertThat(ok.getStatusCode().is2xxSuccessful()).as(ok.getBody()).isTrue();
    assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isZero();
    // the report is the lead unit's part (SubProcess_ReportPart): the office's review shows it
    Task review = taskService.createTaskQuery().processInstanceId(report.getProcessInstanceId())
        .taskDefinitionKey("Task_ReviewReport").singleResult();
    assertThat(taskService.getVariable(review.getId(), "reportStatus")).isEqualTo("已完成");
  }

  @Test
  void refusesForgedSubmitsThroughTheApiTasklistUses() throws Exception {
    Task report = taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-42").singleResult();
    var browser = new duban.security.WebappSessionClient(port);
    assertThat(browser.login("jrj", "demo")).isEqualTo(200);
    var forged = browser.postJson("/camunda/api/engine/engine/default/task/" + report.getId() + "/submit-form",
        "{\"variables\":{\"submissionType\":{\"value\":\"report\"},\"overdue\":{\"value\":false}}}");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("overdue", "「完成状态」为必填项");
    assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);
  }

  private static String seed() throws Exception {
    try (var in = PlanApiTest.class.getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

}
