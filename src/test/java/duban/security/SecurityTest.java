package duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.engine.AuthorizedGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Who may do what, tried over the REST API, the webapps' API and the Java API, with the seed imported. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:security-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@Import(Canary.Registration.class)
class SecurityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INJECTION = "${canary.touch()}";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired Canary canary;
  @Autowired FormService formService;
  @Autowired ProcessEngine processEngine;
  @Autowired AuthorizationService authorizationService;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void forgetUser() {
    identityService.clearAuthentication();
  }

  private HttpResponse<String> rest(String user, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode ok(String user, String method, String path, String json) throws Exception {
    HttpResponse<String> response = rest(user, method, path, json);
    assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, user, response.body()).isBetween(200, 204);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  private Task taskOf(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().get(0);
  }

  @Test
  void refusesAnonymousCallsOnEveryApi() throws Exception {
    assertThat(rest(null, "GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(rest(null, "GET", "/api/plans", null).statusCode()).isEqualTo(401);
    assertThat(rest(null, "GET", "/camunda/api/engine/engine/default/task", null).statusCode()).isEqualTo(401);
  }

  @Test
  void unitStaffSeeExactlyTheTasksOfferedToTheirUnit() throws Exception {
    JsonNode visible = ok("kx", "GET", "/engine-rest/task", null);
    long offeredToKx = taskService.createTaskQuery().taskCandidateGroup("kx").count();
    assertThat(offeredToKx).isPositive();
    assertThat(visible).hasSize((int) offeredToKx);
    for (JsonNode task : visible) {
      assertThat(taskService.getIdentityLinksForTask(task.get("id").asText()))
          .anyMatch(link -> "kx".equals(link.getGroupId()));
    }
  }

  @Test
  void unitStaffCannotReadOrCompleteAnotherUnitsTask() throws Exception {
    Task other = taskOf("JNSC2022-42"); // 市地方金融监管局's report
    assertThat(rest("kx", "GET", "/engine-rest/task/" + other.getId(), null).statusCode()).isIn(403, 404);
    assertThat(rest("kx", "GET", "/engine-rest/task/" + other.getId() + "/variables", null).statusCode()).isIn(403, 404);
    assertThat(rest("kx", "GET", "/engine-rest/process-instance/" + other.getProcessInstanceId() + "/variables", null)
        .statusCode()).isIn(403, 404);
    HttpResponse<String> complete = rest("kx", "POST", "/engine-rest/task/" + other.getId() + "/complete", "{}");
    assertThat(complete.statusCode()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(other.getId()).count()).isEqualTo(1);

    identityService.setAuthentication("kx", List.of("kx"));
    assertThatThrownBy(() -> taskService.complete(other.getId())).isInstanceOf(AuthorizationException.class);
    // the form checks run after the engine's: a submit that breaks the form tells an outsider nothing about it
    assertThatThrownBy(() -> formService.submitTaskForm(other.getId(), Map.of("noSuchField", "x")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.getVariables(other.getProcessInstanceId()))
        .isInstanceOf(AuthorizationException.class);
    assertThat(taskService.createTaskQuery().list()).allSatisfy(task ->
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "kx".equals(l.getGroupId())));
  }

  @Test
  void unitStaffReadTheirOwnTasksInstancesAndVariables() throws Exception {
    Task own = taskOf("JNSC2022-3");
    assertThat(ok("kx", "GET", "/engine-rest/task/" + own.getId() + "/variables", null).get("measure").get("value").asText())
        .contains("科创中国");
    assertThat(ok("kx", "GET", "/engine-rest/process-instance/" + own.getProcessInstanceId(), null).get("businessKey").asText())
        .isEqualTo("JNSC2022-3");
    assertThat(ok("kx", "GET", "/engine-rest/process-instance/" + own.getProcessInstanceId() + "/variables", null)
        .get("taskNumber").get("value").asInt()).isEqualTo(3);
    long instances = ok("kx", "GET", "/engine-rest/process-instance/count", null).get("count").asLong();
    assertThat(instances).isLessThan(67).isPositive();
  }

  @Test
  void unitStaffCannotStartProcessesDeployOrManageUsers() throws Exception {
    // the definition is not even visible to a unit, so the engine answers 404
    assertThat(rest("kx", "POST", "/engine-rest/process-definition/key/TaskSupervisionProcess/start", "{}").statusCode())
        .isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("TaskSupervisionProcess").count())
        .isEqualTo(67);
    assertThat(rest("kx", "POST", "/engine-rest/user/create",
        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}").statusCode()).isEqualTo(403);
    HttpRequest deploy = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("kx:demo".getBytes()))
        .header("Content-Type", "multipart/form-data; boundary=b")
        .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n\r\n<x/>\r\n--b--\r\n"))
        .build();
    assertThat(http.send(deploy, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(rest("kx", "POST", "/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{}}").statusCode()).isEqualTo(403);
  }

  @Test
  void supervisionOfficeReadsEveryInstanceAndWorksItsOwnTasks() throws Exception {
    String supervision = "?processDefinitionKey=TaskSupervisionProcess";
    assertThat(ok("supervisor", "GET", "/engine-rest/process-instance/count" + supervision, null).get("count").asLong())
        .isEqualTo(67);
    assertThat(ok("supervisor", "GET", "/engine-rest/history/process-instance/count" + supervision, null).get("count")
        .asLong()).isEqualTo(67);
    Task designate = taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-34").taskCandidateGroup("supervision")
        .singleResult();
    ok("supervisor", "POST", "/engine-rest/task/" + designate.getId() + "/submit-form",
        "{\"variables\":{\"designatedLeadUnits\":{\"type\":\"Json\",\"value\":\"[\\\"kjj\\\"]\"}}}");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-34").taskCandidateGroup("kjj").count())
        .isEqualTo(1);
    // the newly designated unit may now read the instance
    assertThat(rest("kjj", "GET", "/engine-rest/process-instance/" + designate.getProcessInstanceId(), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void toleranceAuthoritySeesNoSupervisionWork() throws Exception {
    assertThat(ok("investigator", "GET", "/engine-rest/task/count?processDefinitionKey=TaskSupervisionProcess", null)
        .get("count").asLong()).isZero();
    assertThat(ok("investigator", "GET", "/engine-rest/process-instance/count?processDefinitionKey=TaskSupervisionProcess",
        null).get("count").asLong()).isZero();
  }

  @Test
  void camundaAdminAlwaysHasAMemberAndTheSetupPageIsClosed() throws Exception {
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isPositive();
    assertThat(rest(null, "POST", "/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"eve\"},\"credentials\":{\"password\":\"eve\"}}").statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("eve").count()).isZero();
  }

  @Test
  void checksTheCallersFewGroupsWithoutFirstScanningEveryGrant() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    List<String> many = new java.util.ArrayList<>(List.of("kx", "jrj"));
    for (int i = many.size(); i <= AuthorizedGroups.NARROW_ABOVE; i++) {
      many.add("no-grants-" + i);
    }
    configuration.getCommandExecutorTxRequired().execute(context -> {
      assertThat(context.getAuthorizationManager()).isInstanceOf(AuthorizedGroups.class);
      // few groups pass as they are: one without grants matches nothing in the checks anyway
      assertThat(context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("kx", "no-grants")))
          .containsExactly("kx", "no-grants");
      // many groups are narrowed to those with grants, as Camunda does
      assertThat(context.getAuthorizationManager().filterAuthenticatedGroupIds(many))
          .containsExactlyInAnyOrder("kx", "jrj");
      return null;
    });
    // and the answers stay the same: a member of kx and of a group without grants sees kx's tasks and no others
    identityService.setAuthentication("kx", List.of("kx", "no-grants"));
    assertThat(taskService.createTaskQuery().count()).isEqualTo(taskService.createTaskQuery().taskCandidateGroup("kx")
        .count()).isPositive();
  }

  @Test
  void refusesToStoreARevokeBecauseTheEngineNoLongerLooksForThem() throws Exception {
    // the engine skips its per-command search for revokes (README, Performance); one stored would be ignored
    assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    Task kxTask = taskOf("JNSC2022-3");
    String revoke = "{\"type\":2,\"permissions\":[\"READ\"],\"groupId\":\"kx\",\"resourceType\":7,"
        + "\"resourceId\":\"" + kxTask.getId() + "\"}";
    HttpResponse<String> refused = rest("demo", "POST", "/engine-rest/authorization/create", revoke);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("不支持撤销（REVOKE）授权");
    assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
        .isZero();
    // grants are still stored as before
    String grant = revoke.replace("\"type\":2", "\"type\":1").replace("\"kx\"", "\"jrj\"");
    JsonNode created = ok("demo", "POST", "/engine-rest/authorization/create", grant);
    authorizationService.deleteAuthorization(created.get("id").asText());
  }

  @Test
  void refusesTaskQueriesWithExpressionsAndNeverEvaluatesThem() throws Exception {
    int before = canary.touches();
    HttpResponse<String> plain = rest("kx", "GET", "/engine-rest/task?assigneeExpression=%24%7Bcanary.touch()%7D", null);
    assertThat(plain.statusCode()).isEqualTo(400);
    assertThat(plain.body()).contains("不允许使用表达式");
    assertThat(rest("kx", "POST", "/engine-rest/task",
        "{\"orQueries\":[{\"assigneeExpression\":\"" + INJECTION + "\"}]}").statusCode()).isEqualTo(400);
    assertThat(rest("kx", "POST", "/engine-rest/task/count",
        "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{canary.touch()}\"}]}").statusCode()).isEqualTo(400);
    assertThat(rest("kx", "POST", "/engine-rest/task",
        "{\"orQueries\":[{\"candidateGroupsExpression\":\"#{canary.touch()}\"}]}").statusCode()).isEqualTo(400);

    WebappSessionClient tasklist = new WebappSessionClient(port);
    assertThat(tasklist.login("kx", "demo")).isEqualTo(200);
    assertThat(tasklist.postJson("/camunda/api/engine/engine/default/task",
        "{\"orQueries\":[{\"assigneeExpression\":\"" + INJECTION + "\"}]}").statusCode()).isEqualTo(400);

    identityService.setAuthentication("kx", List.of("kx"));
    assertThatThrownBy(() -> taskService.createTaskQuery().taskAssigneeExpression(INJECTION).list())
        .isInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression(INJECTION).endOr().list())
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不允许使用表达式");
    assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression(INJECTION).endOr().count())
        .isInstanceOf(BadUserRequestException.class);
    assertThat(canary.touches()).isEqualTo(before);
  }

  @Test
  void storedFiltersWithExpressionsStillWorkButCannotBeExtendedWithOne() throws Exception {
    Filter ownUnit = filterService.createFilterQuery().filterName("本单位待办").singleResult();
    JsonNode list = ok("kx", "POST", "/engine-rest/filter/" + ownUnit.getId() + "/list", "{}");
    assertThat(list.size()).isEqualTo((int) taskService.createTaskQuery().taskCandidateGroup("kx").count());

    int before = canary.touches();
    assertThat(rest("kx", "POST", "/engine-rest/filter/" + ownUnit.getId() + "/list",
        "{\"orQueries\":[{\"assigneeExpression\":\"" + INJECTION + "\"}]}").statusCode()).isEqualTo(400);
    identityService.setAuthentication("kx", List.of("kx"));
    assertThatThrownBy(() -> filterService.list(ownUnit.getId(),
        taskService.createTaskQuery().or().taskAssigneeExpression(INJECTION).endOr()))
        .isInstanceOf(BadUserRequestException.class);
    identityService.clearAuthentication();
    assertThat(canary.touches()).isEqualTo(before);

    // the canary is live: an admin's stored filter does evaluate its expression
    JsonNode created = ok("demo", "POST", "/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"canary\",\"query\":{\"assigneeExpression\":\"" + INJECTION + "\"}}");
    ok("demo", "GET", "/engine-rest/filter/" + created.get("id").asText() + "/count", null);
    assertThat(canary.touches()).isGreaterThan(before);
  }

  @Test
  void onlyTheApplicantUnitAndTheDecidingBodySeeOrActOnAnApplication() throws Exception {
    String start = "/engine-rest/process-definition/key/ToleranceApplicationProcess/submit-form";
    StringBuilder fields = new StringBuilder("\"taskKey\":{\"value\":\"JNSC2022-43\"},"
        + "\"whatHappened\":{\"value\":\"试行人才贷风险补偿办法，部分贷款出现损失，正在追偿。\"},"
        + "\"whyExploratory\":{\"value\":\"该办法在全省尚无先例。\"}");
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      fields.append(",\"").append(key).append("\":{\"value\":\"符合\"},\"").append(key)
          .append("Note\":{\"value\":\"有会议纪要、审批文件等材料可以证明。\"}");
    }
    // another unit may not apply about 市地方金融监管局's task, and a submit missing fields is refused
    HttpResponse<String> foreign = rest("kx", "POST", start, "{\"variables\":{" + fields + "}}");
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("只有任务「JNSC2022-43」的主办单位可以申请容错");
    assertThat(rest("jrj", "POST", start, "{\"variables\":{\"taskKey\":{\"value\":\"JNSC2022-43\"}}}").statusCode())
        .isEqualTo(400);

    String application = ok("jrj", "POST", start, "{\"variables\":{" + fields + "}}").get("id").asText();
    assertThat(ok("jrj", "GET", "/engine-rest/process-instance/" + application, null).get("businessKey").asText())
        .isEqualTo("JNSC2022-43-RC1");
    assertThat(rest("kx", "GET", "/engine-rest/process-instance/" + application, null).statusCode()).isIn(403, 404);
    assertThat(ok("kx", "GET", "/engine-rest/task?processInstanceId=" + application, null)).isEmpty();
    JsonNode opening = ok("investigator", "GET", "/engine-rest/task?processInstanceId=" + application, null);
    assertThat(opening).hasSize(1);
    assertThat(ok("investigator", "GET", "/engine-rest/process-instance/count", null).get("count").asLong())
        .isEqualTo(ok("investigator", "GET", "/engine-rest/process-instance/count?processDefinitionKey=ToleranceApplicationProcess",
            null).get("count").asLong()).isPositive();

    String openId = opening.get(0).get("id").asText();
    assertThat(rest("kx", "POST", "/engine-rest/task/" + openId + "/submit-form",
        "{\"variables\":{\"openDecision\":{\"value\":\"decline\"},\"openReason\":{\"value\":\"不受理\"}}}").statusCode())
        .isIn(403, 404);
    assertThat(rest("jrj", "POST", "/engine-rest/task/" + openId + "/submit-form",
        "{\"variables\":{\"openDecision\":{\"value\":\"accept\"},\"openReason\":{\"value\":\"自己受理\"}}}").statusCode())
        .isIn(403, 404);
    ok("investigator", "POST", "/engine-rest/task/" + openId + "/submit-form",
        "{\"variables\":{\"openDecision\":{\"value\":\"accept\"},\"openReason\":{\"value\":\"符合受理条件。\"}}}");
    assertThat(ok("investigator", "GET", "/engine-rest/task?processInstanceId=" + application, null).get(0)
        .get("taskDefinitionKey").asText()).isEqualTo("Task_VerifyFacts");
  }

  @Test
  void webappApiEnforcesCsrf() throws Exception {
    WebappSessionClient browser = new WebappSessionClient(port);
    assertThat(browser.login("kx", "demo")).isEqualTo(200);
    assertThat(browser.postJson("/camunda/api/engine/engine/default/task/count", "{}").statusCode()).isEqualTo(200);
    browser.forgetCsrfToken();
    assertThat(browser.postJson("/camunda/api/engine/engine/default/task/count", "{}").statusCode()).isEqualTo(403);
  }
}
