package duban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import duban.form.FormFiller;
import duban.form.SubmissionRejectedException;
import duban.form.TasklistValues;
import duban.security.WebappSessionClient;
import duban.supervision.SupervisionProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A forged submit is refused whichever way it comes in: the REST API and the webapps' API (what Tasklist calls,
 * with its session and CSRF token) under every spelling of the path, the Java API, and the 容错 start form. Each
 * case is a spelling crossed with an endpoint; the check in the engine sees none of it. Nothing of a refused submit
 * is stored. Shares {@code PlanApiTest}'s application (the seed imported on start-up).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class EveryWayInTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REST = "/engine-rest";
  private static final String WEBAPP = "/camunda/api/engine/engine/default";

  /**
   * How a caller may spell {@code /task/{id}/{action}}: the engine must not care. Jersey does not decode a literal
   * segment before matching nor merge slashes, so those spellings find no endpoint (404) and reach nothing.
   */
  enum Spelling {
    PLAIN(400, p -> p),
    MATRIX_ON_ACTION(400, p -> p.action(p.action + ";x=1")),
    MATRIX_ON_ID(400, p -> p.id(p.id + ";x=1")),
    MATRIX_ON_RESOURCE(400, p -> p.resource(p.resource + ";x=1")),
    PERCENT_ENCODED_ID(400, p -> p.id(percentEncoded(p.id))),
    TRAILING_SLASH(400, p -> p.action(p.action + "/")),
    PERCENT_ENCODED_ACTION(404, p -> p.action(percentEncoded(p.action))),
    DOUBLED_SLASHES(404, p -> p.id("/" + p.id + "/"));

    final int refusal;
    final UnaryOperator<Path> spell;

    Spelling(int refusal, UnaryOperator<Path> spell) {
      this.refusal = refusal;
      this.spell = spell;
    }
  }

  /** {@code /{resource}/{id}/{action}}, each part spelled separately. */
  record Path(String resource, String id, String action) {
    Path resource(String r) {
      return new Path(r, id, action);
    }

    Path id(String i) {
      return new Path(resource, i, action);
    }

    Path action(String a) {
      return new Path(resource, id, a);
    }

    String text() {
      return "/" + resource + "/" + id + "/" + action;
    }
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> taskSubmits() {
    List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
    for (String api : List.of(REST, WEBAPP)) {
      for (String action : List.of("submit-form", "complete", "resolve")) {
        for (Spelling spelling : Spelling.values()) {
          cases.add(org.junit.jupiter.params.provider.Arguments.of(api, action, spelling));
        }
      }
    }
    return cases.stream();
  }

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void forgetUser() {
    identityService.clearAuthentication();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("taskSubmits")
  void aForgedTaskSubmitIsRefusedHoweverThePathIsSpelled(String api, String action, Spelling spelling) throws Exception {
    Task task = openTaskOf("jrj");
    Map<String, Object> values = new FormFiller(formService, taskService).fill(task.getId());
    ObjectNode body = submitBody(values);
    // what the unit wants stored: its escalation silenced
    ((ObjectNode) body.get("variables")).putObject("trafficLight").put("value", "GREEN");
    ((ObjectNode) body.get("variables")).putObject("toleranceOpen").put("value", true);
    Trace before = trace(task);

    HttpResponse<String> answer = call(api, "jrj", "POST", spelling.spell.apply(new Path("task", task.getId(), action)),
        body.toString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(spelling.refusal);
    if (spelling.refusal == 400) {
      JsonNode error = JSON.readTree(answer.body());
      assertThat(error.get("type").asText()).isEqualTo("InvalidFormSubmission");
      assertThat(error.get("violations").toString())
          .contains("表单中没有「trafficLight」，不得提交该变量", "表单中没有「toleranceOpen」，不得提交该变量");
    }
    assertThat(trace(task)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variableWrites")
  void aUnitCannotWriteVariablesOrMoveItsProcessPastTheForms(String api, String method, String path, String json)
      throws Exception {
    Task task = openTaskOf("jrj");
    Trace before = trace(task);
    String spelled = path.replace("{task}", task.getId()).replace("{instance}", task.getProcessInstanceId());

    HttpResponse<String> answer = call(api, "jrj", method, spelled, json);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(trace(task)).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count()).isOne();
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> variableWrites() {
    String one = "{\"value\":\"GREEN\"}";
    String modify = "{\"modifications\":{\"trafficLight\":{\"value\":\"GREEN\"}}}";
    List<String[]> writes = List.of(
        new String[] {"PUT", "/task/{task}/variables/trafficLight", one},
        new String[] {"PUT", "/task/{task};x=1/variables/trafficLight", one},
        new String[] {"POST", "/task/{task}/variables", modify},
        new String[] {"PUT", "/task/{task}/localVariables/trafficLight", one},
        new String[] {"POST", "/task/{task}/localVariables", modify},
        new String[] {"DELETE", "/task/{task}/variables/trafficLight", null},
        new String[] {"PUT", "/process-instance/{instance}/variables/trafficLight", one},
        new String[] {"POST", "/process-instance/{instance}/variables", modify},
        new String[] {"PUT", "/execution/{instance}/localVariables/trafficLight", one},
        new String[] {"POST", "/execution/{instance}/localVariables", modify},
        // an uncaught BPMN error would end the whole supervision of the task
        new String[] {"POST", "/task/{task}/bpmnError", "{\"errorCode\":\"silence\"}"},
        new String[] {"POST", "/task/{task}/bpmnEscalation", "{\"escalationCode\":\"silence\"}"});
    List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
    for (String api : List.of(REST, WEBAPP)) {
      for (String[] write : writes) {
        cases.add(org.junit.jupiter.params.provider.Arguments.of(api, write[0], write[1], write[2]));
      }
    }
    return cases.stream();
  }

  @Test
  void theJavaApiChecksTheSameWay() {
    Task task = openTaskOf("jrj");
    Map<String, Object> forged = TasklistValues.of(new FormFiller(formService, taskService).fill(task.getId()));
    forged.put("trafficLight", "GREEN");
    Trace before = trace(task);
    identityService.setAuthentication("jrj", List.of("jrj"));

    assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), forged))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("trafficLight");
    assertThatThrownBy(() -> taskService.complete(task.getId(), forged))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("trafficLight");
    assertThatThrownBy(() -> taskService.complete(task.getId()))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("为必填项");
    assertThatThrownBy(() -> taskService.resolveTask(task.getId(), forged))
        .isInstanceOf(SubmissionRejectedException.class);
    assertThatThrownBy(() -> taskService.setVariable(task.getId(), "trafficLight", "GREEN"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("只能通过表单办理任务");
    assertThatThrownBy(() -> runtimeService.setVariable(task.getProcessInstanceId(), "trafficLight", "GREEN"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.handleBpmnError(task.getId(), "silence"))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(trace(task)).isEqualTo(before);

    // the system (no one signed in) is held to the forms as well
    assertThatThrownBy(() -> taskService.complete(task.getId(), forged)).isInstanceOf(SubmissionRejectedException.class);
    assertThat(trace(task)).isEqualTo(before);
  }

  @Test
  void anAdministratorMayRepairAVariableByRest() throws Exception {
    Task task = openTaskOf("jrj");
    String path = REST + "/process-instance/" + task.getProcessInstanceId() + "/variables/repairNote";
    assertThat(send("demo", "PUT", path, "{\"value\":\"已核对\"}").statusCode()).isEqualTo(204);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "repairNote")).isEqualTo("已核对");
    assertThat(send("demo", "DELETE", path, null).statusCode()).isEqualTo(204);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startSpellings")
  void aToleranceApplicationInAnotherUnitsNameIsRefusedAndEscalationGoesOn(String path) throws Exception {
    // task 6 is 市地方金融监管局's (jrj); kx applies about it, naming jrj as the applicant
    String task6 = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JNSC2022-6").singleResult().getId();
    long applications = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ToleranceApplicationProcess")
        .count();
    ObjectNode body = applicationFor("JNSC2022-6");
    ((ObjectNode) body.get("variables")).putObject("applicant").put("value", "jrj");

    HttpResponse<String> forged = send("kx", "POST", REST + path, body.toString());
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
    assertThat(forged.body()).contains("表单中没有「applicant」");

    // and in its own name it is not the task's lead unit either
    HttpResponse<String> foreign = send("kx", "POST", REST + path, applicationFor("JNSC2022-6").toString());
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
    assertThat(foreign.body()).contains("只有任务「JNSC2022-6」的主办单位可以申请容错");

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ToleranceApplicationProcess")
        .count()).isEqualTo(applications);
    assertThat(runtimeService.getVariable(task6, "toleranceOpen")).isNotEqualTo(true);
  }

  static Stream<String> startSpellings() {
    String key = "/process-definition/key/ToleranceApplicationProcess";
    return Stream.of(key + "/submit-form", key + "/submit-form;x=1", key + ";x=1/submit-form", key + "/start",
        key + "/start;a", key + "/submit-form/",
        "/process-definition/key/" + percentEncoded("ToleranceApplicationProcess") + "/submit-form");
  }

  // helpers

  /** What a refused submit must leave as it was: the task open, its instance's history and operation log. */
  record Trace(boolean open, long details, long variables, long operations) {}

  private Trace trace(Task task) {
    String pid = task.getProcessInstanceId();
    return new Trace(
        taskService.createTaskQuery().taskId(task.getId()).count() == 1,
        historyService.createHistoricDetailQuery().processInstanceId(pid).count(),
        historyService.createHistoricVariableInstanceQuery().processInstanceId(pid).count(),
        historyService.createUserOperationLogQuery().processInstanceId(pid).count());
  }

  /** An open task offered to the unit: whichever step its tasks are at today. */
  private Task openTaskOf(String unit) {
    return taskService.createTaskQuery().taskCandidateGroup(unit).processInstanceBusinessKeyLike("JNSC2022-%")
        .processDefinitionKey(SupervisionProcess.KEY).orderByTaskCreateTime().asc().list().get(0);
  }

  private HttpResponse<String> call(String api, String user, String method, Path path, String json) throws Exception {
    return call(api, user, method, path.text(), json);
  }

  private HttpResponse<String> call(String api, String user, String method, String path, String json) throws Exception {
    if (api.equals(REST)) {
      return send(user, method, REST + path, json);
    }
    WebappSessionClient tasklist = new WebappSessionClient(port);
    assertThat(tasklist.login(user, "demo")).isEqualTo(200);
    return tasklist.send(method, WEBAPP + path, json);
  }

  private HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      encoded.append(String.format("%%%02X", b));
    }
    return encoded.toString();
  }

  static ObjectNode applicationFor(String taskKey) {
    ObjectNode variables = JSON.createObjectNode();
    variables.putObject("taskKey").put("value", taskKey);
    variables.putObject("whatHappened").put("value", "试行人才贷风险补偿办法，部分贷款出现损失，正在追偿。");
    variables.putObject("whyExploratory").put("value", "该办法在全省尚无先例。");
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      variables.putObject(key).put("value", "符合");
      variables.putObject(key + "Note").put("value", "有会议纪要、审批文件等材料可以证明。");
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  /** The body Tasklist posts, to add forged variables to. */
  static ObjectNode submitBody(Map<String, Object> values) throws Exception {
    return (ObjectNode) JSON.readTree(TasklistValues.body(values));
  }
}
