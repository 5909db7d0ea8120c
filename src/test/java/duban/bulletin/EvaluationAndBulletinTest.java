package duban.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import duban.unit.Role;
import duban.EngineTest;
import duban.evaluation.Evaluation;
import duban.evaluation.Evaluations;
import duban.evaluation.Period;
import duban.overview.OverviewFigures;
import duban.overview.Overviews;
import duban.overview.PlanFigures;
import duban.overview.Status;
import duban.plan.PlanCatalog;
import duban.plan.PlanImporter;
import duban.supervision.LifecycleDriver;
import duban.supervision.SupervisionProcess;
import duban.supervision.Today;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * 结果考评 and 情况通报 on constructed histories: five tasks worked by their units as Tasklist would, with the engine's
 * clock moved between steps, then scored and reported.
 */
@EngineTest
class EvaluationAndBulletinTest {

  private static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  /** A Thursday; every task is due at the end of 2026. */
  private static final LocalDateTime START = LocalDateTime.of(2026, 11, 26, 10, 0);
  private static final String TABLE = """
      附件1

      考评测试任务分工表

      \t序号
      \t主要内容
      \t具体措施
      \t时间要求
      \t牵头单位
      \t配合单位

      \t一、按时办理。

      \t1
      \t（1）按时事项。
      \t按时完成的措施。
      \t2026年年底
      \t市科协
      \t

      \t2
      \t（2）逾期事项。
      \t逾期完成的措施。
      \t2026年年底
      \t市科技局
      \t

      \t二、质量与容错。

      \t3
      \t（3）两次退回的事项。
      \t报送两次被退回的措施。
      \t2026年年底
      \t市工业和信息化局
      \t

      \t4
      \t（4）容错事项。
      \t探索中出现失误的措施。
      \t2026年年底
      \t市地方金融监管局
      \t

      \t5
      \t（5）配合迟报的事项。
      \t配合单位迟报的措施。
      \t2026年年底
      \t市教育局
      \t市财政局
      """;

  @Autowired PlanImporter importer;
  @Autowired PlanCatalog catalog;
  @Autowired Evaluations evaluations;
  @Autowired Bulletins bulletins;
  @Autowired BulletinArchive archive;
  @Autowired Overviews overviews;
  @Autowired PlanFigures planFigures;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired ApplicationContext context;

  @AfterEach
  void resetClock() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void scoresUnitsOnTheirHistoriesAndReportsThePlanAsTheOverviewShowsIt() throws Exception {
    String plan = "EV";
    at(START);
    importer.importPlan(plan, TABLE);
    LifecycleDriver driver = new LifecycleDriver(context);

    // 1: everything on the day (市科协)
    driver.drive(plan + "-1", 20, 0, t -> true);
    // 3: reported, returned twice, then approved (市工业和信息化局)
    for (int round = 0; round < 2; round++) {
      workUntil(driver, plan + "-3", SupervisionProcess.REVIEW_REPORT);
      submit(open(plan + "-3", SupervisionProcess.REVIEW_REPORT), Map.of("reviewDecision", "return",
          "reviewComment", "材料不完整，请补充。"));
    }
    driver.drive(plan + "-3", 20, 0, t -> true);
    // 5: 市教育局 acknowledges; 市财政局's part comes in after its limit of 10 working days
    workUntil(driver, plan + "-5", SupervisionProcess.SUBMIT_CONTRIBUTION);
    at(LocalDateTime.of(2026, 12, 21, 10, 0));
    driver.drive(plan + "-5", 20, 0, t -> true);
    // 4: 市地方金融监管局 acknowledges three weeks late, then applies for 容错, which ends in 免责: the late 签收
    // would cost it points, but an exempted task counts for nothing against it
    workUntil(driver, plan + "-4", SupervisionProcess.SUBMIT_REPORT);
    exempt(plan + "-4", "jrj");

    // 2: nothing done by its deadline (市科技局); a bulletin is issued while it is overdue
    at(LocalDateTime.of(2027, 1, 5, 10, 0));
    OverviewFigures figures = planFigures.of(catalog.find(plan).orElseThrow(), overviews.tasks(plan), Today.date());
    // for November, when task 3's reports were returned; the figures are those of the moment of issue
    BulletinArchive.Issued first = bulletins.issue(plan, Period.parse("2026-11"), null, null, "supervisor");
    byte[] firstDocument = archive.document(plan, first.serial()).orElseThrow();
    String text = text(firstDocument);
    assertThat(figures.byStatus()).containsEntry(Status.RED, 1).containsEntry(Status.DONE, 4);
    assertThat(text).contains("纳入督办任务 " + figures.tasks() + " 项，已办结 " + figures.byStatus().get(Status.DONE) + " 项",
        "已逾期 " + figures.byStatus().get(Status.RED) + " 项", "进入容错程序 1 项");
    assertThat(figures.overdue()).singleElement().satisfies(o -> assertThat(o.number()).isEqualTo(2));
    assertThat(figures.overdue().get(0).leadUnits()).containsExactly("市科技局");
    assertThat(text).contains("逾期完成的措施\t市科技局\t5 天");
    assertThat(text).contains("市工业和信息化局\t2 次"); // returned more than once
    assertThat(text).contains("探索中出现失误的措施\t予以容错免责，不作负面评价");

    driver.drive(plan + "-2", 20, 0, t -> true);

    Evaluation evaluation = evaluations.of(plan, null, Today.date(), unit -> true);
    Map<String, Evaluation.UnitScore> lead = evaluation.units().stream()
        .collect(Collectors.toMap(Evaluation.UnitScore::code, u -> u));
    assertThat(lead.get("kx").score()).as("on time throughout").isEqualTo(100.0);
    assertThat(points(lead.get("kjj"), "onTimeCompletion")).as("done after the deadline").isZero();
    assertThat(points(lead.get("kjj"), "timelyAcknowledgement")).as("签收 weeks late").isZero();
    assertThat(lead.get("kjj").score()).isLessThan(lead.get("gxj").score());
    assertThat(lead.get("gxj").returns()).isEqualTo(2);
    assertThat(points(lead.get("gxj"), "returns")).as("two returns").isEqualTo(5.0);
    assertThat(lead.get("jrj").exempted()).isEqualTo(1);
    assertThat(lead.get("jrj").score()).as("容错免责: no negative evaluation").isEqualTo(100.0);
    assertThat(lead.get("kx").rank()).isEqualTo(1);
    assertThat(lead.get("jrj").rank()).as("ties share a rank").isEqualTo(1);
    Evaluation.UnitScore czj = evaluation.supportingUnits().stream().filter(u -> u.code().equals("czj")).findFirst()
        .orElseThrow();
    assertThat(czj.role()).isEqualTo("配合单位");
    assertThat(points(czj, "timelyContributions")).as("its part came late").isZero();
    assertThat(czj.score()).isLessThan(100.0);

    // the issued bulletin stays as it was; the next one no longer lists task 2 as overdue
    assertThat(archive.document(plan, first.serial()).orElseThrow()).isEqualTo(firstDocument);
    BulletinArchive.Issued second = bulletins.issue(plan, Period.parse("2027-01"), first.serial(), null, "supervisor");
    String corrected = text(archive.document(plan, second.serial()).orElseThrow());
    assertThat(corrected).contains("第 " + first.serial() + " 期通报的更正", "截至本期，无逾期未完成任务");
    assertThat(text(archive.document(plan, first.serial()).orElseThrow())).contains("5 天");
  }

  private void workUntil(LifecycleDriver driver, String businessKey, String step) {
    for (int round = 0; round < 10 && open(businessKey, step) == null; round++) {
      taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().forEach(driver::complete);
    }
    assertThat(open(businessKey, step)).as(step + " of " + businessKey).isNotNull();
  }

  private Task open(String businessKey, String step) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(step).list()
        .stream().findFirst().orElse(null);
  }

  private void submit(Task task, Map<String, Object> values) {
    String user = identityService.createUserQuery().memberOfGroup(Role.SUPERVISION.groupId()).list().get(0)
        .getId();
    taskService.claim(task.getId(), user);
    identityService.setAuthentication(user, List.of(Role.SUPERVISION.groupId()));
    try {
      formService.submitTaskForm(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A 容错 application by the lead unit, investigated and determined as 免责, the appeal period waived. */
  private void exempt(String businessKey, String unit) {
    Map<String, Object> v = new HashMap<>();
    v.put("taskKey", businessKey);
    v.put("whatHappened", "为推动科创金融专营机构落地，试行新的风险补偿办法，部分贷款出现损失。");
    v.put("whyExploratory", "该办法在全省尚无先例，属于制度创新探索。");
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      v.put(key, "符合");
      v.put(key + "Note", "有会议纪要、审批文件等材料可以证明。");
    }
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("ToleranceApplicationProcess")
        .latestVersion().singleResult().getId();
    identityService.setAuthentication(unit, List.of(unit));
    ProcessInstance application;
    try {
      application = formService.submitStartForm(definition, v);
    } finally {
      identityService.clearAuthentication();
    }
    complete(application, "Task_OpenInvestigation", "tolerance",
        Map.of("openDecision", "accept", "openReason", "符合受理条件。"));
    Map<String, Object> findings = new HashMap<>();
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      findings.put(key + "Finding", "属实");
    }
    findings.put("factsEstablished", "经调阅会议纪要和审批文件，申请所述情况属实。");
    complete(application, "Task_VerifyFacts", "tolerance", findings);
    complete(application, "Task_DetermineOutcome", "tolerance",
        Map.of("determination", "免责", "determinationReasoning", "经组织研究，依据调查核实的事实作出认定。"));
    runJobs(application);
    complete(application, "Task_ConsiderAppeal", unit, Map.of("appealDecision", "accept"));
    runJobs(application);
  }

  private void complete(ProcessInstance pi, String step, String group, Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult();
    assertThat(task).as(step).isNotNull();
    String user = identityService.createUserQuery().memberOfGroup(group).list().get(0).getId();
    taskService.claim(task.getId(), user);
    identityService.setAuthentication(user, List.of(group));
    try {
      formService.submitTaskForm(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  private static double points(Evaluation.UnitScore unit, String part) {
    return unit.parts().stream().filter(p -> p.key().equals(part)).findFirst().orElseThrow().points();
  }

  private static String text(byte[] docx) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }

  private static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(JINAN).toInstant()));
  }
}
