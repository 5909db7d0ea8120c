package duban.supervision;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import duban.EngineTest;
import duban.form.TasklistValues;
import duban.plan.Plan;
import duban.plan.PlanTask;
import duban.plan.TaskDivisionTableParser;
import duban.unit.UnitDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tests run the real engine and beans with the job executor off and no seed import; each test starts the
 * instances it needs from rows of the shipped table, and moves time with ClockUtil.
 */
@EngineTest
abstract class ProcessTestSupport {

  static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  /** "Today" in these tests: the plan's 2023–2025 deadlines have passed, its 2026 ones have not. */
  static final LocalDateTime TODAY = LocalDateTime.of(2026, 11, 26, 10, 0);
  private static final AtomicInteger PLAN_COUNTER = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired SupervisionStart supervisionStart;
  @Autowired UnitDirectory directory;

  private Plan seed;

  @BeforeEach
  void setUpEngine() throws IOException {
    init(engine);
    setClock(TODAY);
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      seed = new TaskDivisionTableParser(directory).parse("SEED", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void setClock(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(JINAN).toInstant()));
  }

  /** Starts the supervision of one row of the seed table, under a plan code of its own. */
  ProcessInstance startSeedTask(int number) {
    return startTask(seedTask(number), TODAY.toLocalDate());
  }

  /** Starts one row of the seed table as if imported at {@code importedAt} (the clock stays there). */
  ProcessInstance startSeedTask(int number, LocalDateTime importedAt) {
    setClock(importedAt);
    return startTask(seedTask(number), importedAt.toLocalDate());
  }

  PlanTask seedTask(int number) {
    return seed.tasks().get(number - 1);
  }

  /** Starts the supervision of a task (a seed row, or one made from it) on {@code today}, under a plan code of its own. */
  ProcessInstance startTask(PlanTask task, java.time.LocalDate today) {
    String planCode = "T" + PLAN_COUNTER.incrementAndGet();
    return runtimeService.startProcessInstanceByKey(SupervisionProcess.KEY,
        SupervisionProcess.businessKey(planCode, task.number()), supervisionStart.variables(planCode, task.assignment(), today));
  }

  List<Task> tasks(ProcessInstance pi, String definitionKey) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(definitionKey)
        .orderByTaskCreateTime().asc().list();
  }

  Task onlyTask(ProcessInstance pi, String definitionKey) {
    List<Task> tasks = tasks(pi, definitionKey);
    if (tasks.size() != 1) {
      throw new AssertionError("expected one " + definitionKey + " task, found " + tasks.size());
    }
    return tasks.get(0);
  }

  Task taskFor(ProcessInstance pi, String definitionKey, String group) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(definitionKey)
        .taskCandidateGroup(group).singleResult();
  }

  /** Submits a task's form the way Tasklist does; the engine checks it as it checks every submit. */
  void submit(Task task, Object... keysAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    formService.submitTaskForm(task.getId(), TasklistValues.of(variables));
  }

  /** Runs the instance's due jobs as the job executor would, until none is left (at most ten rounds). */
  void runDueJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  void acknowledge(Task task) {
    submit(task, "ackDecision", "accept", "responsiblePerson", "张建国", "contactPhone", "0531-86051234",
        "workPlan", "按季度推进，年底前完成目标任务。", "milestones", "3月底：制定方案；12月底：完成目标");
  }

  void contribute(Task task) {
    submit(task, "contribution", "已按分工完成配合工作，提供相关数据和材料。");
  }

  /**
   * Reports completion; where the measure states targets, a value for each (32 unless given) and the figures (the
   * form shows those fields only then).
   */
  void report(Task task, Number... achieved) {
    List<Object> values = new java.util.ArrayList<>(List.of("submissionType", "report", "reportStatus", "已完成",
        "reportSummary", "已完成全部措施，相关载体平台建设到位。"));
    if (Boolean.TRUE.equals(taskService.getVariable(task.getId(), "hasTarget"))) {
      values.addAll(List.of("achievedFigures", "科创金融专营机构 32 家"));
      int count = ((Number) taskService.getVariable(task.getId(), "targetCount")).intValue();
      for (int slot = 1; slot <= count; slot++) {
        values.addAll(List.of("achievedValue" + slot, slot <= achieved.length ? achieved[slot - 1] : 32));
      }
    }
    submit(task, values.toArray());
  }

  void review(Task task, String decision, String comment) {
    submit(task, "reviewDecision", decision, "reviewComment", comment);
  }
}
