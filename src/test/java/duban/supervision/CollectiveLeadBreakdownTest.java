package duban.supervision;

import static duban.supervision.SupervisionProcess.*;
import static duban.supervision.SupervisionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import duban.unit.Role;
import duban.overview.Overviews;
import duban.overview.StoredTask;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lead named as a collective with listed members (各区县政府、功能区管委会 in tasks 12–15, 联席会议成员单位 in 59, 60,
 * 66, 67) is broken down: each member acknowledges, reports its own part and has it reviewed, and the task is done when
 * every part is approved.
 */
class CollectiveLeadBreakdownTest extends ProcessTestSupport {

  /** 每个区县建设不少于2家“双创”示范园区: 各区县政府、功能区管委会 lead, four departments support, “十四五”末. */
  private static final int DISTRICT_PARKS = 13;
  /** 联席会议成员单位 lead, 长期, no supporting units. */
  private static final int JOINT_CONFERENCE_MEMBERS = 59;
  private static final List<String> DISTRICTS_AND_ZONES = List.of("lixia", "shizhong", "huaiyin", "tianqiao", "licheng",
      "changqing", "zhangqiu", "jiyang", "laiwu", "gangcheng", "pingyin", "shanghe", "gaoxin", "nanshan", "qibuqu");

  @Autowired Overviews overviews;
  @Autowired JdbcTemplate jdbc;

  @Test
  void closesCollectiveTaskOnceEveryMemberPartIsApprovedAfterOneMemberReturnedItsPart() {
    ProcessInstance pi = startSeedTask(DISTRICT_PARKS, LocalDateTime.of(2025, 3, 3, 10, 0));
    assertThat(variable(pi, "breakdown")).isEqualTo(true);
    List<Task> acks = tasks(pi, ACKNOWLEDGE);
    assertThat(acks).hasSize(15);
    assertThat(groups(acks)).containsExactlyInAnyOrderElementsOf(DISTRICTS_AND_ZONES);
    assertThat(taskFor(pi, ACKNOWLEDGE, "lixia").getName()).startsWith("〔13〕签收任务（历下区政府）");

    // 商河县 returns its part; the office gives it to 莱芜高新区, as it would re-assign any lead
    submit(taskFor(pi, ACKNOWLEDGE, "shanghe"), ACK_DECISION, AckDecision.RETURN, "returnReason", "不属于本单位职责，园区建设由莱芜高新区承担。");
    submit(taskFor(pi, REASSIGN, Role.SUPERVISION.groupId()), REASSIGN_DECISION, ReassignDecision.REPLACE, "replacementUnit", "lwgaoxin",
        "reassignComment", "改由莱芜高新区承办。");
    tasks(pi, ACKNOWLEDGE).forEach(this::acknowledge);
    assertThat((String) variable(pi, "reportingUnits")).contains("lwgaoxin").doesNotContain("shanghe");

    // the supporting departments contribute once, and every member sees the contributions when reporting
    List<Task> contributions = tasks(pi, SUBMIT_CONTRIBUTION);
    assertThat(groups(contributions)).containsExactlyInAnyOrder("fgw", "kjj", "gxj", "rsj");
    assertThat(tasks(pi, SUBMIT_REPORT)).isEmpty();
    contributions.forEach(this::contribute);

    List<Task> reports = tasks(pi, SUBMIT_REPORT);
    assertThat(reports).hasSize(15);
    assertThat(groups(reports)).contains("lwgaoxin").doesNotContain("shanghe");
    Task lixia = taskFor(pi, SUBMIT_REPORT, "lixia");
    assertThat(lixia.getName()).startsWith("〔13〕报送办理情况（历下区政府）");
    assertThat((String) taskService.getVariable(lixia.getId(), "contributionSummary")).contains("市发展改革委", "市科技局");
    assertThat(taskService.getVariable(taskFor(pi, SUBMIT_REPORT, "gaoxin").getId(), "contributionSummary"))
        .isEqualTo(taskService.getVariable(lixia.getId(), "contributionSummary"));
    assertThat(tasks(pi, SUBMIT_CONTRIBUTION)).isEmpty();

    // each member's part has its own report and review; 历下区政府's is returned once
    submit(lixia, SUBMISSION_TYPE, SubmissionType.REPORT, "reportStatus", "基本完成", "reportSummary", "历下区已建成示范园区1家，第2家在建。",
        "achievedFigures", "示范园区 1 家", "achievedValue1", 1); // its target: 不少于2家 per district
    Task lixiaReview = reviewOf(pi, "历下区政府");
    assertThat(taskService.getVariable(lixiaReview.getId(), "reportSummary")).isEqualTo("历下区已建成示范园区1家，第2家在建。");
    review(lixiaReview, ReviewDecision.RETURN, "请补充第2家园区的建设进度。");
    Task lixiaAgain = taskFor(pi, SUBMIT_REPORT, "lixia");
    assertThat(taskService.getVariable(lixiaAgain.getId(), "reviewComment")).isEqualTo("请补充第2家园区的建设进度。");
    for (Task report : tasks(pi, SUBMIT_REPORT)) {
      if (!report.getId().equals(lixiaAgain.getId())) {
        report(report);
      }
    }
    assertThat(tasks(pi, REVIEW_REPORT)).hasSize(14)
        .allSatisfy(t -> assertThat(t.getName()).matches("〔13〕审核报送材料（.+）.*"));
    tasks(pi, REVIEW_REPORT).forEach(t -> review(t, ReviewDecision.APPROVE, "同意。"));
    assertThat(tasks(pi, SIGN_OFF)).as("历下区政府's part is still open").isEmpty();
    assertThat(variable(pi, "approvedUnits").toString().split(",")).hasSize(14).doesNotContain("lixia");

    submit(lixiaAgain, SUBMISSION_TYPE, SubmissionType.REPORT, "reportStatus", "已完成", "reportSummary", "历下区2家示范园区均已建成。",
        "achievedFigures", "示范园区 2 家", "achievedValue1", 2);
    review(reviewOf(pi, "历下区政府"), ReviewDecision.APPROVE, "同意。");

    Task signOff = onlyTask(pi, SIGN_OFF);
    String consolidated = (String) taskService.getVariable(signOff.getId(), "reportSummary");
    assertThat(consolidated).contains("【历下区政府 · 已完成】历下区2家示范园区均已建成。（完成数据：示范园区 2 家）", "【莱芜高新区管委会 · 已完成】")
        .doesNotContain("商河县");
    assertThat(consolidated.split("\n\n")).hasSize(15);
    submit(signOff, SIGN_OFF_DECISION, SignOffDecision.APPROVE);

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(REVIEW_REPORT).count()).isEqualTo(16);
    StoredTask row = overviews.stored(pi.getBusinessKey().split("-")[0]).get(0);
    assertThat(row.leadUnits()).as("each member counts as one lead unit").hasSize(15).contains("lwgaoxin");
    assertThat(row.closed()).isTrue();
  }

  @Test
  void asksEveryMemberOfALongTermCollectiveTaskForItsReportEachPeriod() {
    ProcessInstance pi = startSeedTask(JOINT_CONFERENCE_MEMBERS);
    tasks(pi, ACKNOWLEDGE).forEach(this::acknowledge);
    assertThat(tasks(pi, SUBMIT_CONTRIBUTION)).isEmpty();
    List<Task> first = tasks(pi, SUBMIT_REPORT);
    assertThat(first).hasSize(11);
    assertThat(first).allSatisfy(t -> assertThat(taskService.getVariable(t.getId(), "reportingPeriod")).isEqualTo("2026年第4季度"));
    first.forEach(this::report);
    tasks(pi, REVIEW_REPORT).forEach(t -> review(t, ReviewDecision.APPROVE, "本季度进展良好。"));

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(NEXT_REPORTING_PERIOD);
    assertThat(variable(pi, "periodsReported")).isEqualTo(1);
    setClock(LocalDateTime.of(2027, 1, 1, 9, 0));
    execute(job(NEXT_REPORTING_PERIOD, pi));

    List<Task> second = tasks(pi, SUBMIT_REPORT);
    assertThat(second).hasSize(11);
    assertThat(tasks(pi, ACKNOWLEDGE)).as("a member acknowledges once").isEmpty();
    assertThat(second).allSatisfy(t -> {
      assertThat(taskService.getVariable(t.getId(), "reportingPeriod")).isEqualTo("2027年第1季度");
      assertThat(taskService.getVariable(t.getId(), "reportSummary")).as("a member's form starts empty").isNull();
    });
    second.forEach(this::report);
    tasks(pi, REVIEW_REPORT).forEach(t -> submit(t, REVIEW_DECISION, ReviewDecision.APPROVE, "closeTask", true,
        "reviewComment", "任务目标已实现，办结。"));
    submit(onlyTask(pi, SIGN_OFF), SIGN_OFF_DECISION, SignOffDecision.APPROVE);

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(SUBMIT_REPORT).count()).isEqualTo(22);
  }

  @Test
  void givesEveryMemberItsReportWhenTheCollectiveTaskIsPastItsDeadlineAtImport() {
    ProcessInstance pi = startSeedTask(DISTRICT_PARKS);
    runDueJobs(pi);
    assertThat(tasks(pi, ACKNOWLEDGE)).isEmpty();
    List<Task> reports = tasks(pi, SUBMIT_REPORT);
    assertThat(reports).hasSize(15);
    assertThat(groups(reports)).containsExactlyInAnyOrderElementsOf(DISTRICTS_AND_ZONES);
    assertThat(reports).allSatisfy(t -> assertThat(taskService.getVariable(t.getId(), "overdue")).isEqualTo(true));
    assertThat(overdueNoticeCopies(pi)).as("逾期督办 at import, to every member")
        .containsExactlyInAnyOrderElementsOf(DISTRICTS_AND_ZONES);

    // fourteen members report and are approved: the next overdue notice names only the one still outstanding
    for (Task report : reports) {
      if (!candidateGroups(report).contains("pingyin")) {
        report(report);
      }
    }
    tasks(pi, REVIEW_REPORT).forEach(t -> review(t, ReviewDecision.APPROVE, "同意。"));
    setClock(TODAY.plusDays(8));
    runDueJobs(pi);
    assertThat(overdueNoticeCopies(pi)).containsExactly("pingyin");
    assertThat(variable(pi, "awaitingReview")).isEqualTo(false);
  }

  private Task reviewOf(ProcessInstance pi, String member) {
    return tasks(pi, REVIEW_REPORT).stream().filter(t -> t.getName().contains("（" + member + "）")).findFirst().orElseThrow();
  }

  private List<String> groups(List<Task> tasks) {
    List<String> groups = new ArrayList<>();
    tasks.forEach(t -> groups.addAll(candidateGroups(t)));
    return groups;
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId()).filter(g -> g != null).toList();
  }

  /** The units in copy of the latest 逾期督办 notice of the instance. */
  private List<String> overdueNoticeCopies(ProcessInstance pi) {
    String cc = jdbc.queryForObject("select cc_units from duban_notice where process_instance_id = ? and kind = 'OVERDUE'"
        + " order by created_at desc limit 1", String.class, pi.getId());
    return java.util.Arrays.stream(cc.split(",")).filter(c -> !c.isBlank()).toList();
  }
}
