package duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Units leave comments (留言) on their own tasks as Tasklist does; the supervision office reads them, no other unit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:security-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@Import(Canary.Registration.class)
class CommentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEBAPP_TASK = "/camunda/api/engine/engine/default/task/";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void forgetUser() {
    identityService.clearAuthentication();
  }

  private HttpResponse<String> rest(String user, String method, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private Task kxTask() {
    return taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-3").taskCandidateGroup("kx").list().get(0);
  }

  @Test
  void aUnitCommentsOnItsOwnTaskInTasklistAndTheSupervisionOfficeReadsIt() throws Exception {
    Task task = kxTask();
    WebappSessionClient tasklist = new WebappSessionClient(port);
    assertThat(tasklist.login("kx", "demo")).isEqualTo(200);
    String message = "已与市科技局对接，材料下周报送。";
    // the call Tasklist's "Add Comment" makes
    HttpResponse<String> created = tasklist.postJson(WEBAPP_TASK + task.getId() + "/comment/create",
        JSON.writeValueAsString(java.util.Map.of("message", message)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String commentId = JSON.readTree(created.body()).get("id").asText();

    HttpResponse<String> ownList = tasklist.get(WEBAPP_TASK + task.getId() + "/comment");
    assertThat(ownList.statusCode()).isEqualTo(200);
    assertThat(messages(ownList.body())).contains(message);
    assertThat(JSON.readTree(created.body()).get("userId").asText()).isEqualTo("kx");

    HttpResponse<String> office = rest("supervisor", "GET", "/engine-rest/task/" + task.getId() + "/comment", null);
    assertThat(office.statusCode()).isEqualTo(200);
    assertThat(messages(office.body())).contains(message);
    assertThat(messages(rest("leader", "GET", "/engine-rest/task/" + task.getId() + "/comment", null).body()))
        .contains(message);

    // another unit neither reads nor writes them, by any call
    assertThat(rest("jrj", "GET", "/engine-rest/task/" + task.getId() + "/comment", null).statusCode()).isIn(403, 404);
    HttpResponse<String> single = rest("jrj", "GET", "/engine-rest/task/" + task.getId() + "/comment/" + commentId, null);
    assertThat(single.statusCode()).isIn(403, 404);
    assertThat(single.body()).doesNotContain(message);
    assertThat(rest("jrj", "POST", "/engine-rest/task/" + task.getId() + "/comment/create", "{\"message\":\"插话\"}")
        .statusCode()).isIn(400, 403, 404);
    assertThat(rest("jrj", "GET", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/comment", null)
        .body()).doesNotContain(message);
    identityService.setAuthentication("jrj", List.of("jrj"));
    assertThatThrownBy(() -> taskService.getTaskComments(task.getId())).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.getTaskComment(task.getId(), commentId))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.createComment(task.getId(), null, "插话"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.getProcessInstanceComments(task.getProcessInstanceId()))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(taskService.getTaskComments(task.getId())).extracting(c -> c.getFullMessage()).containsExactly(message);
  }

  @Test
  void aUnitCommentsOverTheRestApiToo() throws Exception {
    Task task = kxTask();
    HttpResponse<String> created = rest("kx", "POST", "/engine-rest/task/" + task.getId() + "/comment/create",
        "{\"message\":\"经费已落实。\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(messages(rest("kx", "GET", "/engine-rest/task/" + task.getId() + "/comment", null).body()))
        .contains("经费已落实。");
  }

  private static List<String> messages(String body) throws Exception {
    List<String> messages = new java.util.ArrayList<>();
    for (JsonNode comment : JSON.readTree(body)) {
      messages.add(comment.get("message").asText());
    }
    return messages;
  }
}
