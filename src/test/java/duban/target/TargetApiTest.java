package duban.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/**
 * Targets over HTTP as the office meets them: listed per task, shown and corrected in the import preview, corrected
 * with the import and after it (add, edit, remove), every change recorded, bad input refused in Chinese. Shares the
 * context of {@code PlanApiTest} and {@code PlanUploadApiTest} (same configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class TargetApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = String.join("\n",
      "附件1", "", "某市创业创新工作任务分工表", "",
      "\t序号", "\t主要内容", "\t具体措施", "\t时间要求", "\t牵头单位", "\t配合单位", "",
      "\t一、建设创业创新平台。", "",
      "\t1", "\t（1）打造平台。", "\t到2027年年底，培育各类“双创”载体平台超过100家，新增孵化器5个。", "\t2027年年底", "\t市科技局",
      "\t市财政局", "",
      "\t2", "\t", "\t完善创业扶持政策体系。", "\t长期", "\t市人力资源社会保障局", "\t", "");
  private static final String CORRECTION = """
      {"1": [{"text": "培育各类“双创”载体平台超过120家", "value": 120, "unit": "家", "comparator": ">",
              "dueBy": "2027-12-31"}]}""";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    if (type != null) {
      headers.setContentType(type);
    }
    return http.exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> table(String path, String targets) {
    String query = targets == null ? "" : (path.contains("?") ? "&" : "?") + "targets="
        + URLEncoder.encode(targets, StandardCharsets.UTF_8);
    return call("supervisor", HttpMethod.POST, path + query, TABLE, new MediaType("text", "plain", StandardCharsets.UTF_8));
  }

  private static JsonNode body(ResponseEntity<String> response, HttpStatus status) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return JSON.readTree(response.getBody());
  }

  private JsonNode get(String path) throws Exception {
    return body(call("kx", HttpMethod.GET, path, null, null), HttpStatus.OK);
  }

  private Object variable(String businessKey, String name) {
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    return runtimeService.getVariable(pi.getId(), name);
  }

  @Test
  void listsTheTargetsOfEachTaskOfTheSeed() throws Exception {
    JsonNode tasks = get("/api/plans/JNSC2022/tasks");
    assertThat(tasks.get(0).get("targets")).hasSize(1);
    JsonNode first = tasks.get(0).get("targets").get(0);
    assertThat(first.get("text").asText()).isEqualTo("各类“双创”载体平台超过400家");
    assertThat(first.get("value").asInt()).isEqualTo(400);
    assertThat(first.get("unit").asText()).isEqualTo("家");
    assertThat(first.get("comparator").asText()).isEqualTo(">");
    assertThat(first.get("perYear").asBoolean()).isFalse();
    assertThat(first.get("dueBy").asText()).isEqualTo("2025-12-31");
    assertThat(tasks.get(53).get("targets").get(0).get("value").asInt()).isEqualTo(100000);
    assertThat(tasks.get(53).get("targets").get(0).get("perYear").asBoolean()).isTrue();
    assertThat(tasks.get(3).get("targets")).isEmpty();
  }

  @Test
  void thePreviewShowsTheTargetsAndTheOfficesCorrections() throws Exception {
    JsonNode preview = body(table("/api/plans/preview", null), HttpStatus.OK);
    assertThat(preview.get("tasks").get(0).get("targets").findValuesAsText("text"))
        .containsExactly("培育各类“双创”载体平台超过100家", "新增孵化器5个");
    assertThat(preview.get("tasks").get(1).get("targets")).isEmpty();

    JsonNode corrected = body(table("/api/plans/preview", CORRECTION), HttpStatus.OK);
    assertThat(corrected.get("tasks").get(0).get("targets")).hasSize(1);
    assertThat(corrected.get("tasks").get(0).get("targets").get(0).get("value").asInt()).isEqualTo(120);

    assertThat(table("/api/plans/preview", "{\"1\": [{\"text\": \"载体平台\", \"value\": \"很多\", \"unit\": \"家\"}]}").getBody())
        .contains("第 1 项任务第 1 个量化目标的目标值（value）应为数字，实为「很多」");
    assertThat(table("/api/plans/preview", "{\"1\": [{\"text\": \"示范区\", \"value\": 3, \"unit\": \"个\", "
        + "\"comparator\": \"range\"}]}").getBody()).contains("为区间目标，须给出大于目标值的区间上限（upper）");
    assertThat(table("/api/plans/preview", "[1, 2]").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theOfficeCorrectsTargetsWithTheImportAndAfterItEachChangeRecorded() throws Exception {
    assertThat(table("/api/plans?code=TGT2027", "{\"9\": []}").getBody()).contains("targets 参数中的第 9 项任务不在表中");
    body(table("/api/plans?code=TGT2027", CORRECTION), HttpStatus.CREATED);
    JsonNode tasks = get("/api/plans/TGT2027/tasks");
    assertThat(tasks.get(0).get("targets").findValuesAsText("text")).containsExactly("培育各类“双创”载体平台超过120家");
    assertThat(variable("TGT2027-1", "target1Label")).isEqualTo("超过 120 家（2027-12-31 前）（填写截至目前的累计完成值）");
    assertThat(variable("TGT2027-1", "hasTarget2")).isEqualTo(false);

    // a unit may read the targets, not change them
    ResponseEntity<String> refused = call("kx", HttpMethod.POST, "/api/plans/TGT2027/tasks/2/targets",
        "{\"text\": \"培训500人\", \"value\": 500, \"unit\": \"人\"}", MediaType.APPLICATION_JSON);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("只有督查室和管理员可以修改量化目标");

    body(call("supervisor", HttpMethod.POST, "/api/plans/TGT2027/tasks/2/targets",
        "{\"text\": \"每年开展创业培训不少于500人\", \"value\": 500, \"unit\": \"人\", \"comparator\": \"≥\", \"perYear\": true}",
        MediaType.APPLICATION_JSON), HttpStatus.OK);
    assertThat(variable("TGT2027-2", "targetCount")).isEqualTo(1);
    assertThat(variable("TGT2027-2", "hasTarget1")).isEqualTo(true);
    assertThat(variable("TGT2027-2", "target1Label")).isEqualTo("每年不少于 500 人（填写本期完成值，同一年度各期相加）");

    JsonNode edited = body(call("supervisor", HttpMethod.PUT, "/api/plans/TGT2027/tasks/2/targets/1",
        "{\"text\": \"每年开展创业培训不少于600人\", \"value\": 600, \"unit\": \"人\", \"comparator\": \"≥\", \"perYear\": true}",
        MediaType.APPLICATION_JSON), HttpStatus.OK);
    assertThat(edited.get(0).get("value").asInt()).isEqualTo(600);
    assertThat(variable("TGT2027-2", "target1Label")).asString().startsWith("每年不少于 600 人");

    body(call("demo", HttpMethod.DELETE, "/api/plans/TGT2027/tasks/1/targets/1", null, null), HttpStatus.OK);
    assertThat(get("/api/plans/TGT2027/tasks").get(0).get("targets")).isEmpty();
    assertThat(variable("TGT2027-1", "hasTarget")).isEqualTo(false);
    assertThat(variable("TGT2027-1", "hasTarget1")).isEqualTo(false);

    // bad input, in Chinese, naming the problem
    assertThat(call("supervisor", HttpMethod.PUT, "/api/plans/TGT2027/tasks/2/targets/1",
        "{\"text\": \"培训\", \"value\": 600, \"unit\": \"人\", \"comparator\": \"大约\"}", MediaType.APPLICATION_JSON).getBody())
        .contains("比较方式（comparator）应为 >、≥、≈、=、≤ 或 range 之一，实为「大约」");
    assertThat(call("supervisor", HttpMethod.PUT, "/api/plans/TGT2027/tasks/2/targets/1",
        "{\"text\": \"培训\", \"value\": -5, \"unit\": \"人\"}", MediaType.APPLICATION_JSON).getBody())
        .contains("目标值（value）应大于 0");
    assertThat(call("supervisor", HttpMethod.PUT, "/api/plans/TGT2027/tasks/2/targets/1",
        "{\"text\": \"培训\", \"value\": 5, \"unit\": \"<b>人</b>\"}", MediaType.APPLICATION_JSON).getBody())
        .contains("计量单位（unit）只能是文字或 %，实为「<b>人</b>」");
    ResponseEntity<String> noSlot = call("supervisor", HttpMethod.DELETE, "/api/plans/TGT2027/tasks/2/targets/4", null, null);
    assertThat(noSlot.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noSlot.getBody()).contains("第 2 项任务没有第 4 个量化目标（共 1 个）");
    assertThat(call("supervisor", HttpMethod.POST, "/api/plans/NOSUCH/tasks/1/targets",
        "{\"text\": \"培训\", \"value\": 5, \"unit\": \"人\"}", MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    JsonNode one = get("/api/plans/TGT2027/tasks/1/targets").get("changes");
    assertThat(one.findValuesAsText("action")).containsExactly("import", "remove");
    assertThat(one.findValuesAsText("by")).containsExactly("supervisor", "demo");
    assertThat(one.get(0).get("before").asText()).contains("培育各类“双创”载体平台超过100家", "新增孵化器5个");
    assertThat(one.get(0).get("after").asText()).contains("超过120家");
    assertThat(one.get(1).get("after").isNull()).isTrue();
    JsonNode two = get("/api/plans/TGT2027/tasks/2/targets");
    assertThat(two.get("changes").findValuesAsText("action")).containsExactly("add", "edit");
    assertThat(two.get("changes").get(1).get("before").asText()).contains("500");
    assertThat(two.get("changes").get(1).get("after").asText()).contains("600");
    assertThat(two.get("changes").get(1).get("at").asText()).isNotBlank();
  }
}
