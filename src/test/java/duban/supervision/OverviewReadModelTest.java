package duban.supervision;

import static duban.supervision.SupervisionProcess.*;
import static duban.supervision.SupervisionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import duban.unit.Role;
import duban.overview.OverviewTask;
import duban.overview.Overviews;
import duban.overview.ReadModelRebuild;
import duban.overview.Status;
import duban.overview.StoredTask;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The overview's read model follows each step of the engine in the step's own transaction: stage, light, report,
 * rounds, extension, reminders and 容错, and the light moves with the clock alone. The rebuild gives the same rows.
 */
class OverviewReadModelTest extends ProcessTestSupport {

  /** 市地方金融监管局 leads, three units support, deadline 2026-12-31. */
  private static final int TASK6 = 6;
  /** 市地方金融监管局's 科创金融专营（特色）机构30家以上 */
  private static final int TASK_WITH_TARGET = 38;

  @Autowired Overviews overviews;
  @Autowired ReadModelRebuild rebuild;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskStatuses taskStatuses;

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void countsMoveWithEachStepFromAssignmentToSignOff() {
    ProcessInstance pi = startSeedTask(TASK6);
    assertRow(pi, "待签收", Status.GREEN);
    assertThat(row(pi).stored().remindersSent()).as("no reminder yet: 临近提醒 comes 30 days before").isZero();

    as("jrj", () -> acknowledge(taskFor(pi, ACKNOWLEDGE, "jrj")));
    assertRow(pi, "办理中", Status.GREEN);
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    as("jrj", () -> report(onlyTask(pi, SUBMIT_REPORT)));
    OverviewTask reported = assertRow(pi, "待审核", Status.GREEN);
    assertThat(reported.stored().reportStatus()).isEqualTo("已完成");
    assertThat(reported.stored().reportSummary()).startsWith("已完成全部措施");
    assertThat(reported.stored().achievedFigures()).as("task 6 states no figure target, so its form asks for none")
        .isNull();
    assertThat(reported.stored().reportedAt()).isEqualTo(TODAY);

    as("supervisor", () -> review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.RETURN, "请补充专营机构名单。"));
    OverviewTask returned = assertRow(pi, "办理中", Status.YELLOW);
    assertThat(returned.stored().reviewRounds()).isEqualTo(1);

    report(onlyTask(pi, SUBMIT_REPORT));
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.APPROVE, "同意。");
    assertRow(pi, "待审核", Status.GREEN);
    as("leader", () -> submit(onlyTask(pi, SIGN_OFF), SIGN_OFF_DECISION, SignOffDecision.APPROVE));
    OverviewTask done = assertRow(pi, "已办结", Status.DONE);
    assertThat(done.doneOnTime()).isTrue();
    assertThat(done.stored().closedAt()).isEqualTo(TODAY);

    assertThat(overviews.timeline(planOf(pi), TASK6)).extracting("kind").containsExactly("ASSIGNED",
        "ACKNOWLEDGED", "CONTRIBUTED", "CONTRIBUTED", "CONTRIBUTED", "REPORTED", "REVIEWED", "REPORTED", "REVIEWED",
        "SIGN_OFF_DECIDED", "SIGNED_OFF");
    assertThat(overviews.timeline(planOf(pi), TASK6)).filteredOn("kind", "ACKNOWLEDGED").singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo("jrj");
          assertThat(e.unit()).isEqualTo("市地方金融监管局");
          assertThat(e.what()).contains("责任人 张建国");
        });
    assertThat(overviews.timeline(planOf(pi), TASK6)).filteredOn("kind", "REVIEWED").first()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo("supervisor");
          assertThat(e.what()).contains("第 1 轮", "退回修改", "请补充专营机构名单");
        });
  }

  @Test
  void keepsTheFiguresReportedForAMeasureWithATarget() {
    ProcessInstance pi = startSeedTask(TASK_WITH_TARGET);
    assertThat(variable(pi, "hasTarget")).isEqualTo(true);
    acknowledge(taskFor(pi, ACKNOWLEDGE, "jrj"));
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    report(onlyTask(pi, SUBMIT_REPORT));
    assertThat(row(pi).stored().achievedFigures()).isEqualTo("科创金融专营机构 32 家");
  }

  @Test
  void approvedExtensionMovesTheDueDateAndShowsAsExtended() {
    ProcessInstance pi = startSeedTask(TASK6);
    acknowledge(taskFor(pi, ACKNOWLEDGE, "jrj"));
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    submit(onlyTask(pi, SUBMIT_REPORT), SUBMISSION_TYPE, SubmissionType.EXTENSION, "extensionDate", "2027-06-30",
        "extensionReason", "受项目审批进度影响，需延后完成。");
    assertRow(pi, "申请延期", Status.GREEN);
    submit(onlyTask(pi, REVIEW_EXTENSION), EXTENSION_DECISION, ExtensionDecision.APPROVE, "extensionComment", "同意延期。");
    OverviewTask extended = assertRow(pi, "已延期", Status.GREEN);
    assertThat(extended.dueDate()).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(extended.stored().extensionCount()).isEqualTo(1);
  }

  @Test
  void turnsRedWhenTheClockPassesTheDeadlineWithNoStepTaken() {
    ProcessInstance pi = startSeedTask(TASK6);
    acknowledge(taskFor(pi, ACKNOWLEDGE, "jrj"));
    runDueJobs(pi); // what the job executor does at once: the next ladder check is scheduled
    setClock(LocalDateTime.of(2026, 12, 24, 10, 0));
    assertThat(row(pi).status()).as("inside the 7-day window").isEqualTo(Status.YELLOW);
    assertThat(variable(pi, "trafficLight")).as("the engine's variable waits for its ladder check").isEqualTo("GREEN");
    runDueJobs(pi);
    assertThat(variable(pi, "trafficLight")).isEqualTo("YELLOW");

    setClock(LocalDateTime.of(2027, 1, 4, 10, 0));
    OverviewTask overdue = row(pi);
    assertThat(overdue.status()).isEqualTo(Status.RED);
    assertThat(overdue.daysOverdue()).isEqualTo(4);
    assertThat(taskStatuses.of(planOf(pi)).get(TASK6).light()).as("the task list's status").isEqualTo("RED");
    assertThat(variable(pi, "trafficLight")).as("the engine's variable waits for its ladder check").isEqualTo("YELLOW");

    // the engine's own light agrees once its timer has run; the reminders it records are counted
    runDueJobs(pi);
    assertThat(variable(pi, "trafficLight")).isEqualTo("RED");
    assertThat(overviews.timeline(planOf(pi), TASK6)).filteredOn("kind", "REMINDER").extracting("what")
        .anyMatch(w -> ((String) w).startsWith("【超时提醒】")).anyMatch(w -> ((String) w).startsWith("【逾期督办】"));
    assertThat(row(pi).stored().remindersSent())
        .isEqualTo(overviews.timeline(planOf(pi), TASK6).stream().filter(e -> e.kind().equals("REMINDER")).count());
    assertThat(row(pi).status()).isEqualTo(Status.RED);
  }

  @Test
  void toleranceApplicationShowsUnderReviewAndExemptionClosesTheTask() {
    ProcessInstance pi = startSeedTask(TASK6);
    ProcessInstance application = applyForTolerance("jrj", pi);
    assertRow(pi, "容错审查中", Status.GREEN);
    assertThat(row(pi).stored().toleranceOpen()).isTrue();

    submit(onlyTask(application, "Task_OpenInvestigation"), "openDecision", "accept", "openReason", "符合受理条件。");
    Map<String, Object> findings = new HashMap<>();
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      findings.put(key + "Finding", "属实");
    }
    findings.put("factsEstablished", "经调阅会议纪要和审批文件，申请所述情况属实。");
    Object[] kv = findings.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray();
    submit(onlyTask(application, "Task_VerifyFacts"), kv);
    submit(onlyTask(application, "Task_DetermineOutcome"), "determination", "免责",
        "determinationReasoning", "经组织研究，符合容错条件。");
    runDueJobs(application);
    assertRow(pi, "容错审查中", Status.GREEN);
    submit(onlyTask(application, "Task_ConsiderAppeal"), "appealDecision", "accept");

    OverviewTask exempted = assertRow(pi, "容错免责", Status.DONE);
    assertThat(exempted.doneOnTime()).as("免责 is no negative evaluation").isTrue();
    assertThat(exempted.stored().toleranceDetermination()).startsWith("免责（");
    assertThat(overviews.timeline(planOf(pi), TASK6)).extracting("kind")
        .contains("TOLERANCE_FILED", "TOLERANCE_DECIDED", "EXEMPTED");
  }

  @Test
  void rebuildFromTheEngineGivesTheSameRows() {
    ProcessInstance fresh = startSeedTask(TASK6);
    ProcessInstance returned = startSeedTask(TASK6);
    acknowledge(taskFor(returned, ACKNOWLEDGE, "jrj"));
    tasks(returned, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    report(onlyTask(returned, SUBMIT_REPORT));
    review(onlyTask(returned, REVIEW_REPORT), ReviewDecision.RETURN, "请补充。");
    ProcessInstance extension = startSeedTask(TASK6);
    acknowledge(taskFor(extension, ACKNOWLEDGE, "jrj"));
    tasks(extension, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    submit(onlyTask(extension, SUBMIT_REPORT), SUBMISSION_TYPE, SubmissionType.EXTENSION, "extensionDate", "2027-06-30",
        "extensionReason", "受项目审批进度影响，需延后完成。");
    ProcessInstance signedOff = startSeedTask(3); // past its deadline: straight to the report
    report(onlyTask(signedOff, SUBMIT_REPORT));
    review(onlyTask(signedOff, REVIEW_REPORT), ReviewDecision.APPROVE, "同意。");
    submit(onlyTask(signedOff, SIGN_OFF), SIGN_OFF_DECISION, SignOffDecision.APPROVE);
    ProcessInstance tolerance = startSeedTask(TASK6);
    applyForTolerance("jrj", tolerance);

    for (ProcessInstance pi : List.of(fresh, returned, extension, signedOff, tolerance)) {
      List<StoredTask> kept = overviews.stored(planOf(pi));
      jdbc.update("update duban_overview_task set work_stage = null, review_rounds = 99 where plan_code = ?", planOf(pi));
      assertThat(rebuild.rebuild(planOf(pi))).isEqualTo(1);
      assertThat(overviews.stored(planOf(pi))).as(pi.getBusinessKey()).isEqualTo(kept);
    }
  }

  private OverviewTask assertRow(ProcessInstance pi, String stage, Status status) {
    OverviewTask row = row(pi);
    assertThat(row.stage().label()).as("stage of %s", pi.getBusinessKey()).isEqualTo(stage);
    assertThat(row.status()).as("status of %s", pi.getBusinessKey()).isEqualTo(status);
    if (status != Status.DONE) {
      assertThat(variable(pi, "trafficLight")).as("the engine's light").isEqualTo(status.name());
    }
    Map<Status, Long> counts = new HashMap<>();
    overviews.tasks(planOf(pi)).forEach(t -> counts.merge(t.status(), 1L, Long::sum));
    assertThat(counts).containsExactly(Map.entry(status, 1L));
    return row;
  }

  private OverviewTask row(ProcessInstance pi) {
    List<OverviewTask> rows = overviews.tasks(planOf(pi));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static String planOf(ProcessInstance pi) {
    return pi.getBusinessKey().substring(0, pi.getBusinessKey().lastIndexOf('-'));
  }

  private void as(String user, Runnable step) {
    identityService.setAuthentication(user, List.of(user.equals("supervisor") ? Role.SUPERVISION.groupId()
        : user.equals("leader") ? Role.JOINT_OFFICE.groupId() : user));
    try {
      step.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance applyForTolerance(String user, ProcessInstance task) {
    Map<String, Object> v = new HashMap<>();
    v.put("taskKey", task.getBusinessKey());
    v.put("whatHappened", "试行新的风险补偿办法，部分贷款出现损失。");
    v.put("whyExploratory", "该办法在全省尚无先例，属于制度创新探索。");
    for (String key : List.of("diligent", "noPrivateGain", "noProhibitionBreach", "noSeriousLoss", "decisionProcedure")) {
      v.put(key, "符合");
      v.put(key + "Note", "有会议纪要、审批文件等材料可以证明。");
    }
    identityService.setAuthentication(user, List.of(user));
    try {
      return runtimeService.startProcessInstanceByKey("ToleranceApplicationProcess", v);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
