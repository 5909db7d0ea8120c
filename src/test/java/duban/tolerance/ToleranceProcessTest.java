package duban.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import duban.EngineTest;
import duban.form.SubmissionRejectedException;
import duban.form.TasklistValues;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionStart;
import duban.unit.UnitDirectory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The 容错 chain of tasks 28–29, and what it does to the task it concerns. */
@EngineTest
class ToleranceProcessTest {

  private static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger PLANS = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired SupervisionStart supervisionStart;
  @Autowired UnitDirectory directory;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    at(LocalDateTime.of(2026, 12, 10, 10, 0));
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void declinedApplicationEndsWithTheApplicantToldWhy() throws Exception {
    ProcessInstance task = startTask(6); // lead 市地方金融监管局 (jrj)
    ProcessInstance application = apply("jrj", task);
    assertThat(variable(task, "toleranceOpen")).isEqualTo(true);

    submit(application, "Task_OpenInvestigation", "openDecision", "decline", "openReason", "所述情况不属于探索性失误。");
    runJobs(application);
    assertThat(application).isEnded().hasPassed("EndEvent_ApplicationDeclined");
    assertThat(variable(task, "toleranceOpen")).isEqualTo(false);
    assertThat(notices(application)).singleElement().asString().contains("不予受理", "不属于探索性失误");
    assertThat(recipients(application)).isEqualTo(",jrj,");
  }

  @Test
  void exemptionClosesTheTaskAsToleranceExemptedWithNoNegativeEvaluation() throws Exception {
    ProcessInstance task = startTask(6);
    ProcessInstance application = apply("jrj", task);
    investigate(application);
    determine(application, "免责");
    Task appeal = onlyTask(application, "Task_ConsiderAppeal");
    assertThat(taskService.getIdentityLinksForTask(appeal.getId())).anyMatch(l -> "jrj".equals(l.getGroupId()));
    formService.submitTaskForm(appeal.getId(), Map.of("appealDecision", "accept"));

    assertThat(application).isEnded().hasPassed("ServiceTask_ApplyDetermination");
    assertThat(task).isEnded().hasPassed("EndEvent_TaskExempted");
    assertThat(historic(task, "outcome")).isEqualTo("容错免责（不作负面评价）");
    assertThat(historic(task, "negativeEvaluation")).isEqualTo(false);
    assertThat((String) historic(task, "toleranceDetermination")).startsWith("免责（" + task.getBusinessKey() + "-RC1）");
    // the application's history stays readable
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(application.getId())
        .variableName("determinationReasoning").singleResult().getValue()).isNotNull();
  }

  @Test
  void lighterTreatmentLetsTheTaskResumeWithTheDeterminationOnRecord() throws Exception {
    ProcessInstance task = startTask(6);
    ProcessInstance application = apply("jrj", task);
    investigate(application);
    determine(application, "从轻减轻");
    submit(application, "Task_ConsiderAppeal", "appealDecision", "accept");

    assertThat(application).isEnded();
    assertThat(task).isActive().isWaitingAt(SupervisionProcess.ACKNOWLEDGE);
    assertThat(variable(task, "toleranceOpen")).isEqualTo(false);
    assertThat((String) variable(task, "toleranceDetermination")).startsWith("从轻减轻");
  }

  @Test
  void refusedToleranceLetsTheTaskResumeWithTheDeterminationOnRecord() throws Exception {
    ProcessInstance task = startTask(6);
    ProcessInstance application = apply("jrj", task);
    investigate(application);
    determine(application, "不予容错");
    submit(application, "Task_ConsiderAppeal", "appealDecision", "accept");

    assertThat(task).isActive();
    assertThat((String) variable(task, "toleranceDetermination")).startsWith("不予容错");
  }

  @Test
  void appealLeadsToARedeterminationThatChangesTheOutcome() throws Exception {
    ProcessInstance task = startTask(6);
    ProcessInstance application = apply("jrj", task);
    investigate(application);
    determine(application, "不予容错");
    submit(application, "Task_ConsiderAppeal", "appealDecision", "appeal",
        "appealReason", "决策经过集体研究，有会议纪要为证，请予复核。");
    Task redetermine = onlyTask(application, "Task_Redetermine");
    assertThat(taskService.getVariable(redetermine.getId(), "appealReason")).asString().contains("会议纪要");
    formService.submitTaskForm(redetermine.getId(), Map.of("redetermination", "免责",
        "redeterminationReasoning", "复核查明决策程序完备，符合容错条件。"));
    runJobs(application);

    assertThat(application).isEnded().hasPassed("Task_Redetermine");
    assertThat(historic(application, "finalDetermination")).isEqualTo("免责");
    assertThat(task).isEnded().hasPassed("EndEvent_TaskExempted");
    assertThat(notices(application)).hasSize(2);
  }

  @Test
  void anAppealAfterThePeriodIsRefused() throws Exception {
    ProcessInstance task = startTask(6);
    ProcessInstance application = apply("jrj", task);
    investigate(application);
    determine(application, "不予容错");
    Task appeal = onlyTask(application, "Task_ConsiderAppeal");
    // five working days from Thursday 2026-12-10 end on Thursday 2026-12-17
    Job period = managementService.createJobQuery().processInstanceId(application.getId())
        .activityId("BoundaryEvent_AppealPeriodEnded").singleResult();
    assertThat(period.getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 12, 18, 0, 0)));
    at(LocalDateTime.of(2026, 12, 18, 9, 0));
    managementService.executeJob(period.getId());

    assertThat(application).isEnded().hasNotPassed("Task_Redetermine");
    assertThatThrownBy(() -> formService.submitTaskForm(appeal.getId(), Map.of("appealDecision", "appeal",
        "appealReason", "决策经过集体研究，请予复核。"))).isInstanceOf(RuntimeException.class);
    assertThat((String) variable(task, "toleranceDetermination")).startsWith("不予容错");
  }

  @Test
  void anOpenApplicationPausesOverdueEscalationUntilItIsDetermined() throws Exception {
    ProcessInstance task = startTask(6); // deadline 2026-12-31
    runJobs(task);
    ProcessInstance application = apply("jrj", task);
    at(LocalDateTime.of(2027, 1, 4, 9, 0));
    runJobs(task);
    assertThat(noticeKinds(task)).doesNotContain("OVERDUE");
    assertThat(variable(task, "trafficLight")).isEqualTo("RED");

    investigate(application);
    determine(application, "从轻减轻");
    submit(application, "Task_ConsiderAppeal", "appealDecision", "accept");
    at(LocalDateTime.of(2027, 1, 8, 9, 0));
    runJobs(task);
    assertThat(noticeKinds(task)).contains("OVERDUE");
  }

  @Test
  void remindsTheDecidingBodyWhenAStepPassesItsLimit() throws Exception {
    ProcessInstance task = startTask(6);
    ProcessInstance application = apply("jrj", task);
    Job limit = managementService.createJobQuery().processInstanceId(application.getId())
        .activityId("BoundaryEvent_OpenInvestigationOverdue").singleResult();
    // Thursday 2026-12-10 + 5 working days = Thursday 12-17; reminded on Friday morning
    assertThat(limit.getDuedate()).isEqualTo(date(LocalDateTime.of(2026, 12, 18, 9, 0)));
    at(LocalDateTime.of(2026, 12, 18, 9, 0));
    managementService.executeJob(limit.getId());
    assertThat(notices(application)).singleElement().asString().contains("「调查启动」已超过 5 个工作日");
    assertThat(recipients(application)).isEqualTo(",tolerance,");
  }

  @Test
  void onlyThePrimaryLeadUnitOfARunningTaskMayApplyOnceAtATime() throws Exception {
    ProcessInstance task = startTask(41); // leads 市地方金融监管局 (primary) and 市发展改革委
    assertThatThrownBy(() -> apply("fgw", task)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("只有任务「" + task.getBusinessKey() + "」的主办单位可以申请容错");
    assertThatThrownBy(() -> applyAbout("jrj", "NOPE-1")).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("没有正在办理的任务「NOPE-1」");
    apply("jrj", task);
    assertThatThrownBy(() -> apply("jrj", task)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("已有办理中的容错申请");
    Map<String, Object> incomplete = application(task.getBusinessKey());
    incomplete.remove("noSeriousLossNote");
    identityService.setAuthentication("jrj", List.of("jrj"));
    assertThatThrownBy(() -> fileApplication(incomplete))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("「未造成重大损失和社会负面影响：说明」为必填项");
  }

  // helpers

  private ProcessInstance startTask(int number) throws Exception {
    String plan = "TOL" + PLANS.incrementAndGet();
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      var row = new TaskDivisionTableParser(directory).parse(plan, new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .tasks().get(number - 1);
      return runtimeService.startProcessInstanceByKey(SupervisionProcess.KEY, plan + "-" + number,
          supervisionStart.variables(plan, row.assignment(), LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), JINAN).toLocalDate()));
    }
  }

  private ProcessInstance apply(String user, ProcessInstance task) {
    return applyAbout(user, task.getBusinessKey());
  }

  private ProcessInstance applyAbout(String user, String taskKey) {
    identityService.setAuthentication(user, List.of(user));
    try {
      return fileApplication(application(taskKey));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Submits the 容错 start form, as the applicant's Tasklist does. */
  private ProcessInstance fileApplication(Map<String, Object> values) {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ToleranceVariables.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    return formService.submitStartForm(definition, TasklistValues.of(values));
  }

  private static Map<String, Object> application(String taskKey) {
    Map<String, Object> v = new HashMap<>();
    v.put("taskKey", taskKey);
    v.put("whatHappened", "为推动科创金融专营机构落地，试行新的风险补偿办法，部分贷款出现损失。");
    v.put("whyExploratory", "该办法在全省尚无先例，属于制度创新探索。");
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      v.put(key, "符合");
      v.put(key + "Note", "有会议纪要、审批文件等材料可以证明。");
    }
    return v;
  }

  private void investigate(ProcessInstance application) {
    submit(application, "Task_OpenInvestigation", "openDecision", "accept", "openReason", "符合受理条件。");
    Map<String, Object> findings = new HashMap<>();
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      findings.put(key + "Finding", "属实");
    }
    findings.put("factsEstablished", "经调阅会议纪要和审批文件，申请所述情况属实。");
    formService.submitTaskForm(onlyTask(application, "Task_VerifyFacts").getId(), findings);
  }

  private void determine(ProcessInstance application, String outcome) {
    submit(application, "Task_DetermineOutcome", "determination", outcome,
        "determinationReasoning", "经组织研究，依据调查核实的事实作出认定。");
    runJobs(application);
  }

  private void submit(ProcessInstance pi, String taskKey, Object... kv) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      v.put((String) kv[i], kv[i + 1]);
    }
    formService.submitTaskForm(onlyTask(pi, taskKey).getId(), v);
  }

  private Task onlyTask(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  /** Runs the instance's jobs that are due now (notification steps are asynchronous). */
  private void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  private Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  private Object historic(ProcessInstance pi, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private List<String> notices(ProcessInstance pi) {
    return jdbc.queryForList("select subject from duban_notice where process_instance_id = ? order by created_at",
        String.class, pi.getId());
  }

  private String recipients(ProcessInstance pi) {
    return jdbc.queryForObject("select to_units from duban_notice where process_instance_id = ?", String.class, pi.getId());
  }

  private List<String> noticeKinds(ProcessInstance pi) {
    return jdbc.queryForList("select kind from duban_notice where process_instance_id = ?", String.class, pi.getId());
  }

  private static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(date(time));
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(JINAN).toInstant());
  }
}
