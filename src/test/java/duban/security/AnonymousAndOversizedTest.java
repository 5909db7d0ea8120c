package duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Oversized and anonymous requests are answered before anything reads them, and tell the caller nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:security-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@Import(Canary.Registration.class)
@ExtendWith(OutputCaptureExtension.class)
class AnonymousAndOversizedTest {

  private static final long HUGE = 150L * 1024 * 1024;
  private static final String KX = "Authorization: Basic " + Base64.getEncoder().encodeToString("kx:demo".getBytes()) + "\r\n";

  @LocalServerPort int port;
  @Autowired TaskService taskService;

  private RawHttp raw() {
    return new RawHttp(port);
  }

  private Task taskOf(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().get(0);
  }

  @Test
  void refusesADeclaredOversizedBodyWith413BeforeReceivingIt(CapturedOutput output) throws Exception {
    String complete = "/camunda/api/engine/engine/default/task/" + taskOf("JNSC2022-42").getId() + "/complete";
    // 150 MB declared, 64 KB sent: the answer comes without the server waiting for (or holding) the rest
    RawHttp.Answer anonymous = raw().declaring("POST", complete, "", HUGE, 64 * 1024);
    assertThat(anonymous.status()).isEqualTo(413);
    assertThat(anonymous.body()).contains("RequestTooLarge").contains("请求内容过大").contains("2 MB");

    assertThat(raw().declaring("POST", "/engine-rest/task/count", KX, HUGE, 64 * 1024).status()).isEqualTo(413);
    WebappSessionClient tasklist = new WebappSessionClient(port);
    assertThat(tasklist.login("kx", "demo")).isEqualTo(200);
    assertThat(raw().declaring("POST", "/camunda/api/engine/engine/default/task/count", tasklist.sessionHeaders(),
        3L * 1024 * 1024, 64 * 1024).status()).isEqualTo(413);

    // one line per refusal, no stack trace
    assertThat(output.getOut()).contains("Refused POST " + complete);
    assertThat(output.getOut().lines().filter(line -> line.contains("Refused POST")).count()).isEqualTo(3);
    assertThat(output.getOut().substring(output.getOut().indexOf("Refused POST " + complete))).doesNotContain("\tat ");
  }

  @Test
  void refusesAChunkedOversizedBodyWhileReadingIt() throws Exception {
    RawHttp.Answer rest = raw().chunked("POST", "/engine-rest/task/count", KX, 2 * 1024 * 1024 + 64 * 1024);
    assertThat(rest.status()).as(rest.head()).isEqualTo(413);
    assertThat(rest.body()).contains("请求内容过大");

    WebappSessionClient tasklist = new WebappSessionClient(port);
    assertThat(tasklist.login("kx", "demo")).isEqualTo(200);
    RawHttp.Answer webapp = raw().chunked("POST", "/camunda/api/engine/engine/default/task/count",
        tasklist.sessionHeaders(), 2 * 1024 * 1024 + 64 * 1024);
    assertThat(webapp.status()).as(webapp.head()).isEqualTo(413);
    // a body under the limit passes as before
    assertThat(raw().chunked("POST", "/engine-rest/task/count", KX, 64 * 1024).status()).isEqualTo(200);
  }

  @Test
  void uploadPathsHaveTheirOwnLimit() throws Exception {
    String admin = "Authorization: Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()) + "\r\n";
    // 3 MB is over the APIs' limit but within the plan import's: the table itself is then judged
    RawHttp.Answer plan = raw().declaring("POST", "/api/plans?code=BIG",
        admin + "Content-Type: text/plain;charset=UTF-8\r\n", 3L * 1024 * 1024, 3 * 1024 * 1024);
    assertThat(plan.status()).as(plan.body()).isNotEqualTo(413).isBetween(400, 499);
    assertThat(raw().declaring("POST", "/api/plans?code=BIG", admin, 21L * 1024 * 1024, 64 * 1024).status())
        .isEqualTo(413);
  }

  @Test
  void anAnonymousSubmitLearnsNothingAboutTheTaskOrItsForm() throws Exception {
    Task task = taskOf("JNSC2022-42");
    String body = "{\"variables\":{\"noSuchField\":{\"value\":\"x\"}}}";
    for (String path : new String[] {"/camunda/api/engine/engine/default/task/" + task.getId() + "/complete",
        "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        "/engine-rest/task/" + task.getId() + "/complete", "/engine-rest/task/" + task.getId() + "/submit-form"}) {
      HttpResponse<String> answer = anonymousPost(path, body);
      assertThat(answer.statusCode()).as(path).isEqualTo(401);
      assertThat(answer.body()).as(path).contains("请重新登录")
          .doesNotContain(task.getName()).doesNotContain("noSuchField").doesNotContain("violations");
    }
  }

  @Test
  void anAnonymousToleranceStartFormCannotTellWhetherATaskHasAnOpenApplication() throws Exception {
    String[] starts = {"/camunda/api/engine/engine/default/process-definition/key/ToleranceApplicationProcess/submit-form",
        "/engine-rest/process-definition/key/ToleranceApplicationProcess/submit-form"};
    for (String start : starts) {
      HttpResponse<String> known = anonymousPost(start, "{\"variables\":{\"taskKey\":{\"value\":\"JNSC2022-6\"}}}");
      HttpResponse<String> unknown = anonymousPost(start, "{\"variables\":{\"taskKey\":{\"value\":\"JNSC2022-999\"}}}");
      assertThat(known.statusCode()).isEqualTo(401).isEqualTo(unknown.statusCode());
      assertThat(known.body()).isEqualTo(unknown.body()).contains("请重新登录").doesNotContain("JNSC2022");
    }
  }

  private HttpResponse<String> anonymousPost(String path, String json) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
