package duban.cluster;

import static duban.supervision.SupervisionVariables.CONTRIBUTION_SUMMARY;
import static duban.supervision.SupervisionVariables.CONTRIBUTOR_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import duban.form.TaskConflictException;
import duban.form.TasklistValues;
import org.camunda.bpm.engine.FormService;
import duban.security.WebappSessionClient;
import duban.supervision.LifecycleDriver;
import duban.supervision.SupervisionProcess;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users submitting at the same moment, on PostgreSQL with the job executor running: two people of one unit
 * submitting the same task (one wins, the other is told so, the task is done once), and several units contributing
 * to one task at once (all contributions land, the task moves on). Over the REST API, as Tasklist submits, and
 * through the Java API ({@link FormService}): the same check and retry inside the engine serve both.
 */
@ExtendWith(Postgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentSubmitIT {

  /** When the table was issued: every deadline is ahead, so every task goes through acknowledgement and contributions. */
  private static final LocalDateTime ISSUED = LocalDateTime.of(2022, 6, 1, 10, 0);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Node node;
  private Http http;
  private LifecycleDriver driver;
  private TaskService taskService;
  private RuntimeService runtimeService;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeAll
  void start() {
    TestClock.runFrom(ISSUED);
    node = Node.start("submits", Postgres.newDatabase("submits"));
    http = new Http(node.port());
    driver = new LifecycleDriver(node.context());
    taskService = node.bean(TaskService.class);
    runtimeService = node.bean(RuntimeService.class);
  }

  @AfterAll
  void stop() {
    threads.shutdownNow();
    node.close();
    TestClock.reset();
  }

  @Test
  void twoPeopleOfOneUnitSubmitTheSameTaskAtOnceOneWinsTheOtherIsToldItIsDone() throws Exception {
    IdentityService identity = node.bean(IdentityService.class);
    User colleague = identity.newUser("kx2");
    colleague.setPassword("demo");
    identity.saveUser(colleague);
    identity.createMembership("kx2", "kx");
    List<Task> offered = taskService.createTaskQuery().taskCandidateGroup("kx")
        .taskDefinitionKey(SupervisionProcess.ACKNOWLEDGE).list();
    assertThat(offered).hasSizeGreaterThanOrEqualTo(4);
    double retriesBefore = retries();

    // the retry and the answer sit in the engine: whichever endpoint and spelling the two use
    List<String> spellings = List.of("/submit-form", "/submit-form;x=1", "/complete");
    for (int i = 0; i < 3; i++) {
      Task task = offered.get(i);
      String path = "/engine-rest/task/" + task.getId() + spellings.get(i);
      String body = submitBody(driver.formValues(task.getId()));
      List<HttpResponse<String>> answers = atOnce(List.of(
          () -> http.send("kx", "POST", path, body),
          () -> http.send("kx2", "POST", path, body)));

      assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
      HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
      JsonNode error = JSON.readTree(refused.body());
      assertThat(error.get("type").asText()).isEqualTo("TaskConflict");
      assertThat(error.get("message").asText()).contains("签收任务", "已由", "办理完毕", "本次提交未生效");
      assertConsistentAfterAcknowledgement(task);
      // whoever submits it later is told the same, not shown an engine error
      assertThat(http.send("kx2", "POST", path, body).statusCode()).isEqualTo(409);
    }

    // the same through Tasklist's own API, each in a logged-in browser session
    Task fourth = offered.get(3);
    String body = submitBody(driver.formValues(fourth.getId()));
    WebappSessionClient first = new WebappSessionClient(node.port());
    WebappSessionClient second = new WebappSessionClient(node.port());
    assertThat(first.login("kx", "demo")).isEqualTo(200);
    assertThat(second.login("kx2", "demo")).isEqualTo(200);
    String path = "/camunda/api/engine/engine/default/task/" + fourth.getId() + "/submit-form";
    List<HttpResponse<String>> answers = atOnce(List.of(() -> first.postJson(path, body), () -> second.postJson(path, body)));
    assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
    assertConsistentAfterAcknowledgement(fourth);

    System.out.printf("ConcurrentSubmitIT: same task, two users, four times: %.0f submits tried again%n",
        retries() - retriesBefore);
  }

  @Test
  void theJavaApiRefusesTheLoserWithAConflictToo() throws Exception {
    Task task = taskService.createTaskQuery().taskCandidateGroup("fgw")
        .taskDefinitionKey(SupervisionProcess.ACKNOWLEDGE).list().get(0);
    Map<String, Object> values = driver.formValues(task.getId());
    FormService forms = node.bean(FormService.class);
    List<Future<Object>> outcomes = new ArrayList<>();
    CyclicBarrier together = new CyclicBarrier(2);
    for (int i = 0; i < 2; i++) {
      outcomes.add(threads.submit(() -> {
        together.await();
        forms.submitTaskForm(task.getId(), TasklistValues.of(values));
        return "done";
      }));
    }
    List<Object> results = new ArrayList<>();
    for (Future<Object> outcome : outcomes) {
      try {
        results.add(outcome.get(1, TimeUnit.MINUTES));
      } catch (java.util.concurrent.ExecutionException e) {
        results.add(e.getCause());
      }
    }
    assertThat(results).filteredOn("done"::equals).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof TaskConflictException).singleElement()
        .satisfies(e -> assertThat(((Exception) e).getMessage()).contains("已由", "办理完毕"));
    assertConsistentAfterAcknowledgement(task);
    // and a late submit of a task done long ago is a conflict as well, not an engine error
    assertThatThrownBy(() -> forms.submitTaskForm(task.getId(), TasklistValues.of(values))).isInstanceOf(TaskConflictException.class);
  }

  @Test
  void contributionsOfSeveralUnitsSubmittedAtOnceAllJoin() throws Exception {
    List<String> instances = widestContributions(2);
    double retriesBefore = retries();

    // over HTTP, as Tasklist submits: every unit at the same moment
    String overHttp = instances.get(0);
    List<Task> contributions = contributionTasks(overHttp);
    List<Callable<HttpResponse<String>>> submits = new ArrayList<>();
    Map<String, String> textOf = new LinkedHashMap<>();
    for (Task task : contributions) {
      String unit = (String) taskService.getVariable(task.getId(), CONTRIBUTOR_UNIT.name());
      String text = "【" + unit + "】本单位已按分工完成配合工作，报送数据。";
      textOf.put(unit, text);
      String body = submitBody(Map.of("contribution", text));
      String user = driver.userFor(task);
      submits.add(() -> http.send(user, "POST", "/engine-rest/task/" + task.getId() + "/submit-form", body));
    }
    assertThat(atOnce(submits)).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(204));
    assertJoined(overHttp, textOf);

    // through the Java API, each unit on a thread of its own
    String overJava = instances.get(1);
    FormService forms = node.bean(FormService.class);
    List<Callable<String>> javaSubmits = new ArrayList<>();
    Map<String, String> javaTextOf = new LinkedHashMap<>();
    for (Task task : contributionTasks(overJava)) {
      String unit = (String) taskService.getVariable(task.getId(), CONTRIBUTOR_UNIT.name());
      String text = "【" + unit + "】配合单位报送：已完成。";
      javaTextOf.put(unit, text);
      javaSubmits.add(() -> {
        forms.submitTaskForm(task.getId(), Map.of("contribution", text));
        return unit;
      });
    }
    assertThat(atOnce(javaSubmits)).containsExactlyInAnyOrderElementsOf(javaTextOf.keySet());
    assertJoined(overJava, javaTextOf);

    System.out.printf("ConcurrentSubmitIT: %d + %d contributions submitted at once, %.0f submits tried again,"
        + " at most %.0f attempts for one%n", textOf.size(), javaTextOf.size(), retries() - retriesBefore,
        node.bean(MeterRegistry.class).get("duban.submissions.attempts").summary().max());
  }

  // helpers

  /** The acknowledgement happened once: one completed task in history, and the next step opened once. */
  private void assertConsistentAfterAcknowledgement(Task task) {
    HistoryService history = node.bean(HistoryService.class);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getDeleteReason())
        .isEqualTo("completed");
    String summary = (String) runtimeService.getVariable(task.getProcessInstanceId(), "acknowledgementSummary");
    assertThat(summary.split("责任人", -1)).as("acknowledgements recorded").hasSize(
        1 + (int) history.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .taskDefinitionKey(SupervisionProcess.ACKNOWLEDGE).finished().count());
    assertThat(runtimeService.createIncidentQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
  }

  /** Every contribution is in the summary the primary lead unit reads, and the task has moved on to its report. */
  private void assertJoined(String businessKey, Map<String, String> textOf) {
    String pid = instance(businessKey);
    String summary = (String) runtimeService.getVariable(pid, CONTRIBUTION_SUMMARY.name());
    assertThat(summary).contains(textOf.values());
    assertThat(summary.split("【", -1).length - 1).as("contributions in the summary").isEqualTo(textOf.size() * 2);
    assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(SupervisionProcess.SUBMIT_CONTRIBUTION)
        .count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(SupervisionProcess.SUBMIT_REPORT)
        .count()).isOne();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count()).isZero();
  }

  /** Works the given number of tasks with the most contributing units up to their contributions. */
  private List<String> widestContributions(int count) {
    Map<String, Integer> contributors = new LinkedHashMap<>();
    for (var pi : runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("JNSC2022-%").list()) {
      if (!Boolean.TRUE.equals(runtimeService.getVariable(pi.getId(), "needsDesignation"))) {
        contributors.put(pi.getBusinessKey(), (Integer) runtimeService.getVariable(pi.getId(), "contributorCount"));
      }
    }
    List<String> widest = contributors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(count).map(Map.Entry::getKey).toList();
    assertThat(widest).allSatisfy(key -> assertThat(contributors.get(key)).isGreaterThanOrEqualTo(3));
    Set<String> pids = widest.stream().map(this::instance).collect(Collectors.toSet());
    driver.drive("JNSC2022-", 5, 0, task -> pids.contains(task.getProcessInstanceId())
        && !task.getTaskDefinitionKey().equals(SupervisionProcess.SUBMIT_CONTRIBUTION));
    widest.forEach(key -> assertThat(contributionTasks(key)).hasSize(contributors.get(key)));
    return widest;
  }

  private List<Task> contributionTasks(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(SupervisionProcess.SUBMIT_CONTRIBUTION).list().stream()
        .sorted(Comparator.comparing(Task::getId)).toList();
  }

  private String instance(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
  }

  /** Runs the calls on threads of their own, released at the same moment. */
  private <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
    CyclicBarrier together = new CyclicBarrier(calls.size());
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> call : calls) {
      futures.add(threads.submit(() -> {
        together.await();
        return call.call();
      }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(2, TimeUnit.MINUTES));
    }
    return results;
  }

  /** The REST body Tasklist sends: lists as Json variables, everything else as it is. */
  private static String submitBody(Map<String, Object> values) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      if (value instanceof List<?>) {
        variable.put("type", "Json");
        try {
          variable.put("value", JSON.writeValueAsString(value));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else {
        variable.set("value", JSON.valueToTree(value));
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return JSON.writeValueAsString(body);
  }

  private double retries() {
    return node.bean(MeterRegistry.class).get("duban.submissions.retries").counter().count();
  }
}
