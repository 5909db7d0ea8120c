package duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import duban.engine.PlainRefusals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** What a unit or an anonymous caller must not learn or break: engine metrics, the version, tasks by deletion. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:security-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@Import(Canary.Registration.class)
class SmallLeaksTest {

  private static final String VERSION = "7.24";

  @LocalServerPort int port;
  @Autowired TaskService taskService;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> rest(String user, String method, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void unitStaffCannotReadTheEnginesMetrics() throws Exception {
    for (String path : new String[] {"/engine-rest/metrics/activity-instance-start/sum",
        "/engine-rest/metrics/task-users/sum", "/engine-rest/metrics?interval=900"}) {
      assertThat(rest("kx", "GET", path).statusCode()).as(path).isEqualTo(403);
      assertThat(rest("demo", "GET", path).statusCode()).as(path).isEqualTo(200);
    }
    String aggregated = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
        + "?metrics=process-instances&subscriptionStartDate=2026-01-01&groupBy=month";
    WebappSessionClient unit = new WebappSessionClient(port);
    assertThat(unit.login("kx", "demo")).isEqualTo(200);
    assertThat(unit.get("/camunda/api/engine/engine/default/metrics/activity-instance-start/sum").statusCode())
        .isEqualTo(403);
    assertThat(unit.get(aggregated).statusCode()).isEqualTo(403);
    assertThat(unit.get(aggregated.replace("/plugin/", "/plugin;x=1/")).statusCode()).isEqualTo(403);
    WebappSessionClient admin = new WebappSessionClient(port);
    assertThat(admin.login("demo", "demo")).isEqualTo(200);
    assertThat(admin.get(aggregated).statusCode()).isEqualTo(200);
  }

  @Test
  void pagesServedWithoutALoginDoNotNameTheCamundaVersion() throws Exception {
    for (String path : new String[] {"/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/",
        "/camunda/app/welcome/", "/engine-rest/version", "/engine-rest/engine", "/camunda/api/engine/engine/",
        "/camunda/api/admin/auth/user/default"}) {
      HttpResponse<String> page = rest(null, "GET", path);
      assertThat(page.body()).as(path).doesNotContain(VERSION);
      assertThat(page.headers().map().toString()).as(path).doesNotContain(VERSION);
    }
    assertThat(rest(null, "GET", "/engine-rest/version").statusCode()).isEqualTo(401);
  }

  @Test
  void deletingATaskIsRefusedWith400WhetherItIsOwnForeignOrMissing() throws Exception {
    Task foreign = taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-42").list().get(0);
    Task own = taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-3").taskCandidateGroup("kx").list()
        .get(0);
    HttpResponse<String> foreignAnswer = rest("kx", "DELETE", "/engine-rest/task/" + foreign.getId());
    HttpResponse<String> missingAnswer = rest("kx", "DELETE", "/engine-rest/task/no-such-task");
    HttpResponse<String> ownAnswer = rest("kx", "DELETE", "/engine-rest/task/" + own.getId());
    assertThat(foreignAnswer.statusCode()).isEqualTo(400);
    assertThat(foreignAnswer.body()).contains(PlainRefusals.NOT_DELETABLE).isEqualTo(missingAnswer.body());
    assertThat(ownAnswer.statusCode()).isEqualTo(400);
    assertThat(ownAnswer.body()).contains(PlainRefusals.NOT_DELETABLE);
    assertThat(rest("demo", "DELETE", "/engine-rest/task/" + own.getId()).statusCode()).isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(foreign.getId()).count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(own.getId()).count()).isEqualTo(1);
  }
}
