package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.plan.TableFixtures.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Word and Excel tables previewed and imported over HTTP as the import page sends them, with unknown units mapped
 * and created on the way. Shares the context of {@link PlanApiTest} (same configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class PlanUploadApiTest {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  ResponseEntity<String> post(String user, String path, Map<String, String> params, byte[] body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(type);
    return http.exchange(uri(path, params), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> multipart(String user, String path, Map<String, String> params, byte[] file, String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(file) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    params.forEach(form::add);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  ResponseEntity<String> json(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  java.net.URI uri(String path, Map<String, String> params) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(http.getRootUri() + path);
    params.forEach(builder::queryParam);
    return builder.encode().build().toUri();
  }

  static JsonNode body(ResponseEntity<String> response, HttpStatus status) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return JSON.readTree(response.getBody());
  }

  JsonNode tasks(String code) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("kx", "demo");
    return body(http.exchange("/api/plans/" + code + "/tasks", HttpMethod.GET, new HttpEntity<>(headers), String.class),
        HttpStatus.OK);
  }

  long instances(String code) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(code + "-%").count();
  }

  @Test
  void theSeedAsPublishedInWordPreviewsAndImportsToTheSeedsTasks() throws Exception {
    byte[] docx = TableFixtures.docx(PlanFilesTest.publishedSeed(), true);
    JsonNode preview = body(post("supervisor", "/api/plans/preview", Map.of(), docx, DOCX), HttpStatus.OK);
    assertThat(preview.get("format").asText()).isEqualTo("docx");
    assertThat(preview.get("importable").asBoolean()).isTrue();
    assertThat(preview.get("tasks")).hasSize(67);
    assertThat(preview.get("columns").get("完成时限").asText()).isEqualTo("time");
    assertThat(preview.get("unknownUnits")).isEmpty();
    JsonNode third = preview.get("tasks").get(2);
    assertThat(third.get("timeRequirement").asText()).isEqualTo("2023年底前");
    assertThat(third.get("deadline").asText()).isEqualTo("2023-12-31");

    JsonNode imported = body(post("supervisor", "/api/plans", Map.of("code", "DOCX2022"), docx, DOCX), HttpStatus.CREATED);
    assertThat(imported.get("started").asInt()).isEqualTo(67);
    JsonNode tasks = tasks("DOCX2022");
    JsonNode seed = tasks("JNSC2022");
    for (int i = 0; i < 67; i++) {
      for (String field : List.of("number", "section", "item", "measure", "deadline", "longTerm", "leadUnits",
          "supportingUnits")) {
        assertThat(tasks.get(i).get(field)).as("task %d %s", i + 1, field).isEqualTo(seed.get(i).get(field));
      }
    }
    // the same document again changes nothing; a different one under the code is refused
    assertThat(body(post("demo", "/api/plans", Map.of("code", "DOCX2022"), docx, DOCX), HttpStatus.CREATED)
        .get("started").asInt()).isZero();
    byte[] changed = TableFixtures.docx(PlanFilesTest.publishedSeed().mapCells(c -> c.replace("超过400家", "超过500家")), true);
    assertThat(post("demo", "/api/plans", Map.of("code", "DOCX2022"), changed, DOCX).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void theSeedAsAnExcelUploadImportsAsMultipart() throws Exception {
    byte[] xlsx = TableFixtures.xlsx(PlanFilesTest.publishedSeed(), true, "任务分工", "填表说明");
    JsonNode imported = body(multipart("demo", "/api/plans?code=XLSX2022", Map.of(), xlsx, "分工表.xlsx"),
        HttpStatus.CREATED);
    assertThat(imported.get("tasks").asInt()).isEqualTo(67);
    assertThat(instances("XLSX2022")).isEqualTo(67);
    assertThat(tasks("XLSX2022").get(66).get("leadUnits")).isEqualTo(tasks("JNSC2022").get(66).get("leadUnits"));
  }

  @Test
  void aSingleResponsibleColumnAndNoTimeColumnImportWithTheirParameters() throws Exception {
    Table table = new Table(List.of("某市就业创业任务分工表"), List.of("序号", "主要内容", "责任单位"),
        List.of(List.of("一、就业创业"),
            List.of("1", "完善创业扶持政策。", "市财政局、市人力资源社会保障局（牵头）"),
            List.of("2", "强化创业培训。", "市人力资源社会保障局、市教育局")), -1);
    byte[] xlsx = TableFixtures.xlsx(table, false, "Sheet1");
    JsonNode refused = body(post("supervisor", "/api/plans", Map.of("code", "NOTIME"), xlsx, XLSX),
        HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.get("problems").toString()).contains("缺少「时间要求」列");
    assertThat(instances("NOTIME")).isZero();

    Map<String, String> params = Map.of("code", "NOTIME", "defaultTime", "长期");
    body(post("supervisor", "/api/plans", params, xlsx, XLSX), HttpStatus.CREATED);
    JsonNode tasks = tasks("NOTIME");
    assertThat(tasks.get(0).get("longTerm").asBoolean()).isTrue();
    assertThat(tasks.get(0).get("leadUnits").findValuesAsText("code")).containsExactly("rsj");
    assertThat(tasks.get(0).get("supportingUnits").findValuesAsText("code")).containsExactly("czj");
    assertThat(tasks.get(1).get("leadUnits").findValuesAsText("code")).containsExactly("rsj");
    assertThat(tasks.get(1).get("supportingUnits").findValuesAsText("code")).containsExactly("jyj");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey("NOTIME-1").singleResult()).isNotNull();
  }

  @Test
  void anotherCitysUnitsAreRefusedUntilMappedOrCreated() throws Exception {
    Table table = new Table(List.of("2024年青岛市“双创”任务分工表"),
        List.of("序号", "重点任务", "具体措施", "时间节点", "牵头部门", "配合部门"),
        List.of(List.of("一、平台建设（共2项）"),
            List.of("1", "（1）建平台。", "建设青岛创业平台。", "年内", "青岛市科学技术局", "青岛市财政局"),
            List.of("2", "", "建设孵化器。", "2024年6月底前启动，2025年底前完成", "青岛市科学技术局", "")), 1);
    byte[] docx = TableFixtures.docx(table, true);
    JsonNode refused = body(post("supervisor", "/api/plans", Map.of("code", "QD2024"), docx, DOCX),
        HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.get("unknownUnits").findValuesAsText("name")).containsExactly("青岛市科学技术局", "青岛市财政局");
    assertThat(refused.get("unknownUnits").get(1).get("suggestions").get(0).asText()).isEqualTo("czj");
    assertThat(refused.get("problems").findValuesAsText("severity")).contains("error");
    assertThat(instances("QD2024")).isZero();

    // 青岛市财政局 written for 市财政局 (an alias), 青岛市科学技术局 a new unit
    body(json("supervisor", HttpMethod.PUT, "/api/units/czj/aliases", "{\"aliases\":[\"青岛市财政局\"]}"), HttpStatus.OK);
    JsonNode created = body(json("supervisor", HttpMethod.POST, "/api/units", """
        {"code":"qdkjj","name":"青岛市科学技术局","aliases":["青岛科技局"],"kind":"MUNICIPAL_DEPARTMENT",
         "email":"qdkjj@duban.example.cn"}"""), HttpStatus.CREATED);
    assertThat(created.get("aliases").findValuesAsText("")).isEmpty();
    assertThat(identityService.createGroupQuery().groupId("qdkjj").count()).isEqualTo(1);

    JsonNode preview = body(post("supervisor", "/api/plans/preview", Map.of(), docx, DOCX), HttpStatus.OK);
    assertThat(preview.get("importable").asBoolean()).isTrue();
    assertThat(preview.get("year").asInt()).isEqualTo(2024);
    JsonNode second = preview.get("tasks").get(1);
    assertThat(second.get("deadline").asText()).isEqualTo("2025-12-31");
    assertThat(second.get("milestones").get(0).asText()).isEqualTo("2024-06-30");

    body(post("supervisor", "/api/plans", Map.of("code", "QD2024"), docx, DOCX), HttpStatus.CREATED);
    JsonNode tasks = tasks("QD2024");
    assertThat(tasks.get(0).get("deadline").asText()).isEqualTo("2024-12-31");
    assertThat(tasks.get(0).get("leadUnits").findValuesAsText("code")).containsExactly("qdkjj");
    assertThat(tasks.get(1).get("milestones").findValuesAsText("")).isEmpty();
    assertThat(tasks.get(1).get("milestones").get(0).asText()).isEqualTo("2024-06-30");
    // the new unit's group works the task in Tasklist
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey("QD2024-1").taskCandidateGroup("qdkjj")
        .count()).isEqualTo(1);
  }

  @Test
  void previewLeavesNoTrace() throws Exception {
    long plans = count("duban_plan");
    long units = count("duban_unit");
    long aliases = count("duban_unit_alias");
    long notices = count("duban_notice");
    long processes = historyService.createHistoricProcessInstanceQuery().count();
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("kx", "demo");
    String directory = http.exchange("/api/units", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();

    body(post("supervisor", "/api/plans/preview", Map.of(), TableFixtures.docx(TableFixtures.seed(), true), DOCX),
        HttpStatus.OK);
    Table unknown = new Table(List.of("某市任务分工表"), List.of("序号", "主要内容", "具体措施", "时间要求", "牵头单位", "配合单位"),
        List.of(List.of("一、总体"), List.of("1", "（1）甲。", "乙。", "年内", "某市未知局", "")), 1);
    JsonNode withProblems = body(multipart("demo", "/api/plans/preview", Map.of(), TableFixtures.docx(unknown, true),
        "未知.docx"), HttpStatus.OK);
    assertThat(withProblems.get("importable").asBoolean()).isFalse();
    assertThat(withProblems.get("problems").findValuesAsText("field")).contains("时间要求", "牵头单位");

    assertThat(count("duban_plan")).isEqualTo(plans);
    assertThat(count("duban_unit")).isEqualTo(units);
    assertThat(count("duban_unit_alias")).isEqualTo(aliases);
    assertThat(count("duban_notice")).isEqualTo(notices);
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(processes);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(http.exchange("/api/units", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody())
        .isEqualTo(directory);
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  @Test
  void unreadableFilesGetTheirMessageAndImportNothing() throws Exception {
    byte[] docx = TableFixtures.docx(TableFixtures.seed(), true);
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {java.util.Arrays.copyOf(docx, docx.length / 2), "文件已损坏或不完整"});
    cases.add(new Object[] {TableFixtures.xls(), "请另存为 .docx/.xlsx 后上传"});
    cases.add(new Object[] {TableFixtures.withZipBomb(docx, 30), "疑似压缩炸弹"});
    for (Object[] c : cases) {
      JsonNode error = body(post("supervisor", "/api/plans", Map.of("code", "BAD1"), (byte[]) c[0],
          MediaType.APPLICATION_OCTET_STREAM), HttpStatus.BAD_REQUEST);
      assertThat(error.get("message").asText()).contains((String) c[1]);
      assertThat(body(post("supervisor", "/api/plans/preview", Map.of(), (byte[]) c[0], DOCX), HttpStatus.BAD_REQUEST)
          .get("message").asText()).contains((String) c[1]);
    }
    assertThat(instances("BAD1")).isZero();
  }

  @Test
  void aFileOverTheLimitIsRefusedAsRawBodyAndAsMultipart() throws Exception {
    byte[] big = new byte[21 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    JsonNode raw = body(post("supervisor", "/api/plans/preview", Map.of(), big, MediaType.TEXT_PLAIN),
        HttpStatus.PAYLOAD_TOO_LARGE);
    // the body-size gate answers before the upload is read, naming this endpoint's limit
    assertThat(raw.get("message").asText()).contains("请求内容过大", "最多接受 20 MB");
    ResponseEntity<String> part = multipart("supervisor", "/api/plans/preview", Map.of(), big, "big.docx");
    assertThat(part.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    // the body-size gate by its declared length, or else the multipart parser: either names the limit
    assertThat(part.getBody()).containsAnyOf("请求内容过大", "超过允许的大小").contains("20 MB");
  }

  @Test
  void onlyTheSupervisionOfficeAndAdminsPreviewImportAndMaintainUnits() {
    byte[] docx = TableFixtures.docx(TableFixtures.seed(), true);
    assertThat(post("kx", "/api/plans/preview", Map.of(), docx, DOCX).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("kx", "/api/plans", Map.of("code", "KX1"), docx, DOCX).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json("kx", HttpMethod.PUT, "/api/units/kx/aliases", "{\"aliases\":[\"科协\"]}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json("kx", HttpMethod.POST, "/api/units", "{\"code\":\"zz\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    HttpHeaders anonymous = new HttpHeaders();
    anonymous.setContentType(DOCX);
    assertThat(http.exchange("/api/plans/preview", HttpMethod.POST, new HttpEntity<>(docx, anonymous), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
