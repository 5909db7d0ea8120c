package duban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import duban.form.FormFiller;
import duban.supervision.SupervisionProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a submitted value may be: only what its field shows and stores. A hidden field is not submitted, a text field
 * takes text and nothing the engine would have to deserialise; and the engine deserialises no class outside its
 * allow-list, whoever stored the variable. Over the REST API as a unit; shares {@code PlanApiTest}'s application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class SubmittedValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired FormService formService;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aHiddenFieldMayNotBeSubmittedWhateverItsLength() throws Exception {
    Task acknowledge = acknowledgement();
    long details = details(acknowledge);
    for (int length : List.of(3_928, 100_000)) {
      ObjectNode body = EveryWayInTest.submitBody(new FormFiller(formService, taskService).fill(acknowledge.getId()));
      assertThat(body.get("variables").get("ackDecision").get("value").asText()).isEqualTo("accept");
      String reason = ("<h1 style=\"color:red\">督查室通知：本任务已办结</h1>" + "理由".repeat(length)).substring(0, length);
      variables(body).putObject("returnReason").put("value", reason);

      HttpResponse<String> answer = submit(acknowledge, body);

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(violations(answer)).containsExactly("「退回理由」在当前选择下不显示，不得提交");
    }
    assertUntouched(acknowledge, details);

    // shown (the assignment is returned), the same text is held to the field's limit
    ObjectNode returned = JSON.createObjectNode();
    variables(returned).putObject("ackDecision").put("value", "return");
    variables(returned).putObject("returnReason").put("value", "理由".repeat(50_000));
    HttpResponse<String> tooLong = submit(acknowledge, returned);
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
    assertThat(violations(tooLong)).containsExactly("「退回理由」最多 500 个字");
    assertUntouched(acknowledge, details);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Date   | {\"type\":\"Date\",\"value\":\"2026-12-01T10:00:00.000+0800\"}",
      "Bytes  | {\"type\":\"Bytes\",\"value\":\"5byg5bu65Zu9\"}",
      "File   | {\"type\":\"File\",\"value\":\"5byg5bu65Zu9\",\"valueInfo\":{\"filename\":\"a.txt\",\"mimetype\":\"text/plain\"}}",
      "Object | {\"type\":\"Object\",\"value\":\"\\\"http://example.org\\\"\",\"valueInfo\":{\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}}",
      "Object | {\"type\":\"Object\",\"value\":\"rO0ABXQABuW8oOW7uuWbvQ==\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}",
      "Json   | {\"type\":\"Json\",\"value\":\"\\\"张建国\\\"\"}"})
  void aTextFieldTakesTextOnly(String type, String value) throws Exception {
    Task acknowledge = acknowledgement();
    long details = details(acknowledge);
    ObjectNode body = EveryWayInTest.submitBody(new FormFiller(formService, taskService).fill(acknowledge.getId()));
    variables(body).set("responsiblePerson", JSON.readTree(value));

    HttpResponse<String> answer = submit(acknowledge, body);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(violations(answer)).containsExactly("「责任人」不接受 " + type + " 类型的值，应为文本");
    assertUntouched(acknowledge, details);
  }

  @Test
  void theEngineDeserialisesNoClassOutsideItsAllowList() {
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JNSC2022-1").singleResult()
        .getId();
    runtimeService.setVariable(instance, "probeForeign", Variables.serializedObjectValue("\"http://example.org\"")
        .objectTypeName("java.net.URL").serializationDataFormat("application/json").create());
    runtimeService.setVariable(instance, "probeAllowed", Variables.serializedObjectValue("[\"kx\"]")
        .objectTypeName("java.util.ArrayList").serializationDataFormat("application/json").create());
    try {
      assertThatThrownBy(() -> runtimeService.getVariable(instance, "probeForeign"))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("java.net.URL");
      assertThat(runtimeService.getVariable(instance, "probeAllowed")).isEqualTo(List.of("kx"));
    } finally {
      runtimeService.removeVariables(instance, List.of("probeForeign", "probeAllowed"));
    }
  }

  // helpers

  /** An open 签收 task of whichever unit: the form with a field that shows only when the assignment is returned. */
  private Task acknowledgement() {
    return taskService.createTaskQuery().taskDefinitionKey(SupervisionProcess.ACKNOWLEDGE)
        .processInstanceBusinessKeyLike("JNSC2022-%").orderByTaskCreateTime().asc().list().get(0);
  }

  private HttpResponse<String> submit(Task task, ObjectNode body) throws Exception {
    String unit = taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).findFirst().orElseThrow();
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/submit-form"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((unit + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The task still open, and not one history row written for its instance since {@code details} were counted. */
  private void assertUntouched(Task task, long details) {
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(details(task)).isEqualTo(details);
  }

  private long details(Task task) {
    return historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count();
  }

  private static ObjectNode variables(ObjectNode body) {
    return body.has("variables") ? (ObjectNode) body.get("variables") : body.putObject("variables");
  }

  private static List<String> violations(HttpResponse<String> answer) throws Exception {
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("type").asText()).isEqualTo("InvalidFormSubmission");
    return JSON.convertValue(error.get("violations"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }
}
