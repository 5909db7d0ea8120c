package duban.cluster;

import static duban.supervision.SupervisionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.plan.Plan;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.LifecycleDriver;
import duban.supervision.SupervisionStart;
import duban.supervision.TaskStatuses;
import duban.unit.UnitDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * New versions of the supervision process with instances running at every wait state, on PostgreSQL, through the
 * admin endpoint as README, Operations describes it: v2 adds the step 核查办理成效 (and a field on the sign-off form),
 * v3 renames the 延期审批 step. The instances are validated, migrated as batches, and worked to their end on v3; an
 * instance at the renamed step blocks a plan without the mapping, and then nothing moves. The job executor is off:
 * the test runs batch jobs and timers itself.
 */
@ExtendWith(Postgres.class)
class MigrationIT {

  private static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  private static final String TASK_KEY = KEY;
  private static final String TOLERANCE_KEY = "ToleranceApplicationProcess";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Node node;
  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;
  private IdentityService identityService;
  private LifecycleDriver driver;
  private Http http;
  private Plan seed;
  private int plans;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (node != null) {
      node.close();
    }
  }

  @Test
  void instancesAtEveryWaitStateMoveToANewStepAndARenamedStepAndWorkToTheirEnd() throws Exception {
    node = Node.start("migration", Postgres.newDatabase("migration"), "--camunda.bpm.job-execution.enabled=false",
        "--duban.seed.import-on-startup=false", "--duban.reminders.sweep-interval=PT24H",
        "--duban.reminders.recovery-interval=PT24H");
    runtimeService = node.bean(RuntimeService.class);
    taskService = node.bean(TaskService.class);
    managementService = node.bean(ManagementService.class);
    identityService = node.bean(IdentityService.class);
    driver = new LifecycleDriver(node.context());
    http = new Http(node.port());
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      seed = new TaskDivisionTableParser(node.bean(UnitDirectory.class))
          .parse("SEED", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    at(LocalDateTime.of(2026, 11, 26, 10, 0));

    // one instance at each wait state, on version 1
    Map<String, ProcessInstance> at = new LinkedHashMap<>();
    at.put("签收", start(6));
    at.put("指定承办单位", start(11));
    ProcessInstance contributing = start(6);
    complete(taskFor(contributing, ACKNOWLEDGE));
    complete(tasks(contributing, SUBMIT_CONTRIBUTION).get(0)); // one of three supporting units has reported
    at.put("协办", contributing);
    at.put("报送", start(3));
    ProcessInstance reviewing = start(3);
    complete(taskFor(reviewing, SUBMIT_REPORT));
    at.put("审核", reviewing);
    ProcessInstance extension = start(6);
    complete(taskFor(extension, ACKNOWLEDGE));
    tasks(extension, SUBMIT_CONTRIBUTION).forEach(this::complete);
    submit(taskFor(extension, SUBMIT_REPORT), Map.of("submissionType", "extension", "extensionDate", "2027-06-30",
        "extensionReason", "受项目审批进度影响，需延后完成。"));
    at.put("延期审批", extension);
    ProcessInstance signOff = start(3);
    complete(taskFor(signOff, SUBMIT_REPORT));
    complete(taskFor(signOff, REVIEW_REPORT));
    at.put("办结销号", signOff);
    ProcessInstance longTerm = start(20);
    complete(taskFor(longTerm, ACKNOWLEDGE));
    complete(taskFor(longTerm, SUBMIT_REPORT));
    submit(taskFor(longTerm, REVIEW_REPORT), Map.of("reviewDecision", "approve", "closeTask", false,
        "reviewComment", "本季度进展良好。"));
    at.put("长期任务等待下一周期", longTerm);
    ProcessInstance tolerated = start(6);
    at.put("容错申请办理中", tolerated);
    ProcessInstance application = fileToleranceApplication(tolerated);
    // every instance's reminder ladder has sent what was due and waits at its timer, except this one's delivery
    ProcessInstance delivering = start(41);
    for (ProcessInstance pi : at.values()) {
      runDueJobs(pi);
    }
    at.put("提醒发送中", delivering);

    assertWaitingAt(at.get("签收"), ACKNOWLEDGE, LADDER_TIMER);
    assertWaitingAt(at.get("指定承办单位"), DESIGNATE_UNITS);
    assertWaitingAt(at.get("协办"), SUBMIT_CONTRIBUTION);
    assertWaitingAt(at.get("报送"), SUBMIT_REPORT);
    assertWaitingAt(at.get("审核"), REVIEW_REPORT);
    assertWaitingAt(at.get("延期审批"), REVIEW_EXTENSION, "BoundaryEvent_ExtensionReviewOverdue");
    assertWaitingAt(at.get("办结销号"), SIGN_OFF);
    assertWaitingAt(at.get("长期任务等待下一周期"), NEXT_REPORTING_PERIOD, LADDER_TIMER);
    assertWaitingAt(at.get("容错申请办理中"), ACKNOWLEDGE);
    assertThat(runtimeService.getVariable(tolerated.getId(), "toleranceOpen")).isEqualTo(true);
    assertWaitingAt(application, "Task_OpenInvestigation");
    assertThat(waiting(delivering)).contains("ServiceTask_DeliverDueNotices");
    assertThat(waiting(delivering)).doesNotContain(LADDER_TIMER);
    String signOffTask = taskFor(signOff, SIGN_OFF).getId();
    assertThat(deployedForm(signOffTask)).doesNotContain("archiveNumber");
    Map<String, List<Date>> timers = timerDueDates();
    int instances = at.size();

    // v2: a new step, and the 容错 process with a new version tag; deployed with their forms as the application does
    deploy("duban v2", Map.of("TaskSupervisionProcess.bpmn", "migration/TaskSupervisionProcess-v2-new-step.bpmn",
        "ToleranceApplicationProcess.bpmn", "bpmn/ToleranceApplicationProcess.bpmn"));

    assertThat(post("kx", "/api/migrations/plan", request(TASK_KEY, 1, 2, Map.of(), Map.of())).statusCode())
        .isEqualTo(403);
    HttpResponse<String> unknown = post("demo", "/api/migrations/plan", request(TASK_KEY, 1, 9, Map.of(), Map.of()));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("没有第 9 版");
    HttpResponse<String> badMapping = post("demo", "/api/migrations/plan",
        request(TASK_KEY, 1, 2, Map.of("Task_SignOff", "Task_NoSuchStep"), Map.of()));
    assertThat(badMapping.statusCode()).isEqualTo(400);
    assertThat(badMapping.body()).contains("映射的目标环节「Task_NoSuchStep」不在第 2 版中");

    assertBadRequest(post("demo", "/api/migrations/plan", "{\"processKey\": "), "请求体应为 JSON");
    assertBadRequest(post("demo", "/api/migrations/plan", request("NoSuchProcess", 1, 2, Map.of(), Map.of())),
        "流程标识（processKey）须为");
    assertBadRequest(post("demo", "/api/migrations/plan", request(TASK_KEY, 2, 2, Map.of(), Map.of())),
        "源版本与目标版本相同");
    assertBadRequest(post("demo", "/api/migrations/plan", request(TASK_KEY, 1, 2, Map.of(),
        Map.of("resultsVerifierGroup", List.of("a", "b")))), "变量「resultsVerifierGroup」的值须为文本、数字或 true/false");
    JsonNode versions = JSON.readTree(http.send("demo", "GET", "/api/migrations/versions?processKey=" + TASK_KEY, null)
        .body());
    assertThat(versions).extracting(v -> v.get("version").asInt() + ":" + v.get("instances").asInt())
        .containsExactly("2:0", "1:" + instances);

    JsonNode report = json(post("demo", "/api/migrations/plan", request(TASK_KEY, 1, 2, Map.of(), Map.of())));
    assertThat(report.get("executable").asBoolean()).isTrue();
    assertThat(report.get("instances").asInt()).isEqualTo(instances);
    assertThat(report.get("blockedInstances")).isEmpty();
    assertThat(report.get("variables").get("resultsVerifierGroup").asText()).as("the v2 default").isEqualTo("supervision");
    Map<String, Integer> perActivity = perActivity(report);
    assertThat(perActivity).containsEntry(ACKNOWLEDGE, 3).containsEntry(DESIGNATE_UNITS, 1)
        .containsEntry(SUBMIT_CONTRIBUTION, 1).containsEntry(SUBMIT_REPORT, 1).containsEntry(REVIEW_REPORT, 1)
        .containsEntry(REVIEW_EXTENSION, 1).containsEntry(SIGN_OFF, 1).containsEntry(NEXT_REPORTING_PERIOD, 1)
        .containsEntry(LADDER_TIMER, instances - 1).containsEntry("ServiceTask_DeliverDueNotices", 1);
    assertThat(report.get("activities")).allSatisfy(a -> assertThat(a.get("targetActivityId").asText())
        .isEqualTo(a.get("activityId").asText()));

    String batch = json(post("demo", "/api/migrations/execute", request(TASK_KEY, 1, 2, Map.of(), Map.of())))
        .get("batchId").asText();
    runBatch(batch);
    migrateTolerance();
    assertThat(runningOn(TASK_KEY, 1)).isZero();
    assertThat(runningOn(TASK_KEY, 2)).isEqualTo(instances);
    assertThat(timerDueDates()).as("timers keep their due dates").isEqualTo(timers);
    for (ProcessInstance pi : at.values()) {
      assertThat(runtimeService.getVariable(pi.getId(), "resultsVerifierGroup")).isEqualTo("supervision");
    }
    assertThat(node.bean(HistoryService.class).createHistoricBatchQuery().batchId(batch).singleResult().getEndTime())
        .as("the batch Cockpit lists").isNotNull();
    // the migrated sign-off task opens the sign-off form of v2's deployment, with its new field
    assertThat(taskService.createTaskQuery().taskId(signOffTask).singleResult().getProcessDefinitionId())
        .isEqualTo(definition(TASK_KEY, 2).getId());
    assertThat(deployedForm(signOffTask)).contains("archiveNumber", "归档编号");

    // v3: the extension review renamed; without a mapping the instance waiting there cannot move, so nothing moves
    deploy("duban v3", Map.of("TaskSupervisionProcess.bpmn", "migration/TaskSupervisionProcess-v3-renamed-step.bpmn"));
    JsonNode blocked = json(post("demo", "/api/migrations/plan", request(TASK_KEY, 2, 3, Map.of(),
        Map.of("resultsVerifierGroup", "jointoffice"))));
    assertThat(blocked.get("executable").asBoolean()).isFalse();
    assertThat(blocked.get("variables").get("resultsVerifierGroup").asText()).as("the request wins")
        .isEqualTo("jointoffice");
    assertThat(blocked.get("blockedInstances")).singleElement().satisfies(b -> {
      assertThat(b.get("processInstanceId").asText()).isEqualTo(extension.getId());
      assertThat(b.get("businessKey").asText()).isEqualTo(extension.getBusinessKey());
      assertThat(b.get("reasons").toString()).contains("停留在「审批延期申请」（Task_ReviewExtension）", "缺少映射");
    });
    assertThat(blocked.get("activities")).anySatisfy(a -> {
      assertThat(a.get("activityId").asText()).isEqualTo(REVIEW_EXTENSION);
      assertThat(a.get("targetActivityId").isNull()).isTrue();
    });
    HttpResponse<String> refused = post("demo", "/api/migrations/execute", request(TASK_KEY, 2, 3, Map.of(), Map.of()));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("MigrationRefused", "1 个实例无法迁移", "所有实例均未迁移，仍在第 2 版");
    assertThat(managementService.createBatchQuery().count()).isZero();
    assertThat(runningOn(TASK_KEY, 2)).isEqualTo(instances);
    assertThat(runningOn(TASK_KEY, 3)).isZero();

    Map<String, String> renamed = Map.of(REVIEW_EXTENSION, "Task_ApproveExtension",
        "BoundaryEvent_ExtensionReviewOverdue", "BoundaryEvent_ExtensionApprovalOverdue");
    JsonNode mapped = json(post("demo", "/api/migrations/plan", request(TASK_KEY, 2, 3, renamed, Map.of())));
    assertThat(mapped.get("executable").asBoolean()).isTrue();
    assertThat(mapped.get("activities")).anySatisfy(a -> {
      assertThat(a.get("activityId").asText()).isEqualTo(REVIEW_EXTENSION);
      assertThat(a.get("targetActivityId").asText()).isEqualTo("Task_ApproveExtension");
      assertThat(a.get("instances").asInt()).isEqualTo(1);
    });
    runBatch(json(post("demo", "/api/migrations/execute", request(TASK_KEY, 2, 3, renamed, Map.of())))
        .get("batchId").asText());
    assertThat(runningOn(TASK_KEY, 2)).isZero();
    assertThat(runningOn(TASK_KEY, 3)).isEqualTo(instances);
    assertWaitingAt(extension, "Task_ApproveExtension", "BoundaryEvent_ExtensionApprovalOverdue");
    Map<String, List<Date>> renamedTimers = new TreeMap<>(timers);
    renamedTimers.put(extension.getId() + " BoundaryEvent_ExtensionApprovalOverdue",
        renamedTimers.remove(extension.getId() + " BoundaryEvent_ExtensionReviewOverdue"));
    assertThat(timerDueDates()).isEqualTo(renamedTimers);
    assertThat(deployedForm(signOffTask)).contains("archiveNumber");

    // worked to their end on v3: the long-term task's next period, the 容错 application (免责), then every task
    at(LocalDateTime.of(2027, 1, 1, 9, 0));
    managementService.executeJob(job(longTerm, NEXT_REPORTING_PERIOD).getId());
    assertWaitingAt(longTerm, SUBMIT_REPORT);
    runDueJobs(delivering);
    assertWaitingAt(delivering, LADDER_TIMER);
    managementService.executeJob(job(at.get("签收"), LADDER_TIMER).getId());
    runDueJobs(at.get("签收"));
    assertWaitingAt(at.get("签收"), LADDER_TIMER);
    for (int step = 0; step < 6 && isRunning(application); step++) {
      taskService.createTaskQuery().processInstanceId(application.getId()).list().forEach(driver::complete);
      runDueJobs(application);
    }
    assertThat(isRunning(application)).isFalse();
    assertThat(isRunning(tolerated)).as("免责 closes the task through the migrated message subscription").isFalse();

    LifecycleDriver.Result result = driver.drive("MIG", 20, 0, task -> true);
    assertThat(result.steps()).contains("Task_VerifyResults", "Task_ApproveExtension", SIGN_OFF);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("MIG%").count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TOLERANCE_KEY).count()).isZero();
    HistoryService history = node.bean(HistoryService.class);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionId(definition(TASK_KEY, 3).getId())
        .finished().count()).isEqualTo(instances);
    assertThat(history.createHistoricActivityInstanceQuery().activityId(SIGNED_OFF).count()).isEqualTo(instances - 1);
    assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_TaskExempted").count()).isOne();
    assertThat(history.createHistoricActivityInstanceQuery().activityId("Task_VerifyResults").finished().count())
        .as("the new step, on every instance that had not passed it and was not exempted").isEqualTo(instances - 2);
    for (int version = 1; version <= 3; version++) {
      assertThat(runningOn(TASK_KEY, version)).isZero();
    }
    assertThat(runningOn(TOLERANCE_KEY, 1)).isZero();
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
    // the plan's ledger reads the migrated instances as its own
    assertThat(node.bean(TaskStatuses.class).of(signOff.getBusinessKey().split("-")[0]))
        .hasSize(1).allSatisfy((number, status) -> assertThat(status.ended()).isTrue());
  }

  // the 容错 application: a new version with the same steps, moved with equal ids only
  private void migrateTolerance() throws Exception {
    JsonNode report = json(post("demo", "/api/migrations/plan", request(TOLERANCE_KEY, 1, 2, Map.of(), Map.of())));
    assertThat(report.get("executable").asBoolean()).isTrue();
    assertThat(perActivity(report)).containsEntry("Task_OpenInvestigation", 1);
    runBatch(json(post("demo", "/api/migrations/execute", request(TOLERANCE_KEY, 1, 2, Map.of(), Map.of())))
        .get("batchId").asText());
    assertThat(runningOn(TOLERANCE_KEY, 1)).isZero();
    assertThat(runningOn(TOLERANCE_KEY, 2)).isOne();
  }

  private ProcessInstance start(int number) {
    String plan = "MIG" + ++plans;
    return runtimeService.startProcessInstanceByKey(TASK_KEY, businessKey(plan, number),
        node.bean(SupervisionStart.class).variables(plan, seed.tasks().get(number - 1).assignment(), LocalDate.of(2026, 11, 26)));
  }

  private ProcessInstance fileToleranceApplication(ProcessInstance task) {
    Map<String, Object> v = new HashMap<>();
    v.put("taskKey", task.getBusinessKey());
    v.put("whatHappened", "为推动科创金融专营机构落地，试行新的风险补偿办法，部分贷款出现损失。");
    v.put("whyExploratory", "该办法在全省尚无先例，属于制度创新探索。");
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      v.put(key, "符合");
      v.put(key + "Note", "有会议纪要、审批文件等材料可以证明。");
    }
    identityService.setAuthentication("jrj", List.of("jrj"));
    try {
      return runtimeService.startProcessInstanceByKey(TOLERANCE_KEY, v);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String request(String key, int source, int target, Map<String, String> mappings,
      Map<String, Object> variables) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processKey", key);
    body.put("sourceVersion", source);
    body.put("targetVersion", target);
    body.put("mappings", mappings);
    body.put("variables", variables);
    return JSON.writeValueAsString(body);
  }

  private HttpResponse<String> post(String user, String path, String body) throws Exception {
    return http.send(user, "POST", path, body);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    return JSON.readTree(response.body());
  }

  private static void assertBadRequest(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(message);
  }

  private static Map<String, Integer> perActivity(JsonNode report) {
    Map<String, Integer> counts = new TreeMap<>();
    report.get("activities").forEach(a -> counts.put(a.get("activityId").asText(), a.get("instances").asInt()));
    return counts;
  }

  /** A new deployment as the application makes one: the changed BPMN with every form beside it. */
  private void deploy(String name, Map<String, String> bpmn) throws IOException {
    DeploymentBuilder deployment = node.bean(RepositoryService.class).createDeployment().name(name);
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, Resource> forms = new TreeMap<>();
    for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
      forms.put(form.getFilename(), form);
    }
    for (Resource form : resolver.getResources("classpath*:migration/forms/*.form")) {
      forms.put(form.getFilename(), form); // the forms this version changes or adds
    }
    for (Resource form : forms.values()) {
      deployment.addInputStream(form.getFilename(), form.getInputStream());
    }
    for (Map.Entry<String, String> process : bpmn.entrySet()) {
      String text = resolver.getResource("classpath:" + process.getValue()).getContentAsString(StandardCharsets.UTF_8);
      if (process.getValue().startsWith("bpmn/")) {
        text = text.replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"2\"");
      }
      deployment.addString(process.getKey(), text);
    }
    deployment.deploy();
  }

  /** Runs a batch's seed, migration and monitor jobs by hand until the batch is done. */
  private void runBatch(String batchId) {
    for (int round = 0; round < 50; round++) {
      Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
      if (batch == null) {
        return;
      }
      List<Job> jobs = new ArrayList<>();
      for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
          batch.getMonitorJobDefinitionId())) {
        jobs.addAll(managementService.createJobQuery().jobDefinitionId(definition).list());
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
    throw new AssertionError("batch " + batchId + " did not finish");
  }

  private void runDueJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  /** Every timer's due date by instance and activity: what a migration must keep. */
  private Map<String, List<Date>> timerDueDates() {
    Map<String, List<Date>> timers = new TreeMap<>();
    for (Job job : managementService.createJobQuery().timers().list()) {
      String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId();
      timers.computeIfAbsent(job.getProcessInstanceId() + " " + activity, k -> new ArrayList<>()).add(job.getDuedate());
    }
    timers.values().forEach(dates -> dates.sort(null));
    return timers;
  }

  private Job job(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private void assertWaitingAt(ProcessInstance pi, String... activityIds) {
    assertThat(waiting(pi)).contains(activityIds);
  }

  private Set<String> waiting(ProcessInstance pi) {
    Set<String> ids = new TreeSet<>();
    collect(runtimeService.getActivityInstance(pi.getId()), ids);
    managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().forEach(j -> ids.add(
        managementService.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
            .getActivityId()));
    return ids;
  }

  private static void collect(ActivityInstance scope, Set<String> ids) {
    ids.add(scope.getActivityId());
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      collect(child, ids);
    }
    for (var transition : scope.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
  }

  private boolean isRunning(ProcessInstance pi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0;
  }

  private long runningOn(String key, int version) {
    return runtimeService.createProcessInstanceQuery().processDefinitionId(definition(key, version).getId()).count();
  }

  private ProcessDefinition definition(String key, int version) {
    return node.bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
  }

  private String deployedForm(String taskId) throws IOException {
    try (InputStream in = node.bean(FormService.class).getDeployedTaskForm(taskId)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Task taskFor(ProcessInstance pi, String key) {
    return tasks(pi, key).get(0);
  }

  private List<Task> tasks(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).orderByTaskId().asc()
        .list();
  }

  private void complete(Task task) {
    driver.complete(task);
  }

  /** A submit with chosen values, as the user the task is offered to. */
  private void submit(Task task, Map<String, Object> values) {
    String user = driver.userFor(task);
    taskService.claim(task.getId(), user);
    identityService.setAuthentication(user, driver.groupsOf(user));
    try {
      taskService.complete(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(JINAN).toInstant()));
  }
}
