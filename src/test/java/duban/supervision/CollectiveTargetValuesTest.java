package duban.supervision;

import static duban.supervision.SupervisionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import duban.evaluation.Evaluation;
import duban.evaluation.Evaluations;
import duban.form.SubmissionRejectedException;
import duban.overview.Overviews;
import duban.plan.PlanTask;
import duban.supervision.SupervisionVariables.ReviewDecision;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The values of a broken-down collective task are each member's own: kept in the member's part and in the target's
 * history under the member, judged per member where the measure sets the target for each member (task 13:
 * 每个区县建设不少于2家), summed where it sets one total for all of them.
 */
class CollectiveTargetValuesTest extends ProcessTestSupport {

  /** 每个区县建设不少于2家“双创”示范园区（基地）; past its “十四五”末 deadline, so every member's report is open at once. */
  private static final int DISTRICT_PARKS = 13;

  @Autowired TaskTargets targets;
  @Autowired Overviews overviews;
  @Autowired Evaluations evaluations;
  @Autowired JdbcTemplate jdbc;

  @Test
  void keepsEachMembersOwnValuesAndHistoryAndJudgesEachMemberAgainstAPerMemberTarget() {
    ProcessInstance pi = startSeedTask(DISTRICT_PARKS);
    Task lixia = taskFor(pi, SUBMIT_REPORT, "lixia");
    assertThat(taskService.getVariable(lixia.getId(), "target1Label"))
        .isEqualTo("不少于 2 家（本单位目标，填写本单位截至目前的累计完成值）");
    report(lixia, 1);
    report(taskFor(pi, SUBMIT_REPORT, "shizhong"), 3);

    // each part keeps its own value: 市中区's report did not overwrite 历下区's
    Task lixiaReview = reviewOf(pi, "历下区政府");
    Task shizhongReview = reviewOf(pi, "市中区政府");
    assertThat(number(lixiaReview, "achievedValue1")).isEqualTo(1);
    assertThat(number(shizhongReview, "achievedValue1")).isEqualTo(3);
    assertThat(runtimeService.getVariableLocal(pi.getId(), "achievedValue1")).as("not a task-wide value").isNull();
    assertThat((String) taskService.getVariable(lixiaReview.getId(), "targetSummary"))
        .isEqualTo("2026年报送（历下区政府）：\n目标 1：不少于 2 家（每个成员单位）· 本单位完成 1 家（50.0%）");
    assertThat((String) taskService.getVariable(shizhongReview.getId(), "targetSummary"))
        .endsWith("目标 1：不少于 2 家（每个成员单位）· 本单位完成 3 家（150.0%）");

    TargetProgress parks = progress(pi);
    assertThat(parks.perMember()).isTrue();
    assertThat(parks.members()).hasSize(15);
    assertThat(parks.of("lixia").percent()).isEqualTo(50.0);
    assertThat(parks.of("shizhong").percent()).isEqualTo(150.0);
    assertThat(parks.of("huaiyin").achieved()).as("not reported yet").isNull();
    assertThat(parks.percent()).as("(50 + 100, capped) over 15 members").isEqualTo(10.0);
    assertThat(parks.line()).startsWith("不少于 2 家（每个成员单位）· 达标 1/15 个单位，平均进度 10.0%；未达标：历下区政府（1 家）、槐荫区政府（未报送）")
        .doesNotContain("市中区政府");

    // 历下区's part is returned and sent again: its form keeps its own value, the history keeps both
    review(lixiaReview, ReviewDecision.RETURN, "请补充第2家园区的建设进度。");
    Task lixiaAgain = taskFor(pi, SUBMIT_REPORT, "lixia");
    assertThat(number(lixiaAgain, "achievedValue1")).isEqualTo(1);
    report(lixiaAgain, 2);
    assertThat(jdbc.queryForList("select member_unit, achieved from duban_target_value where plan_code = ? order by seq",
        planCode(pi)).stream().map(r -> r.get("member_unit") + "=" + ((Number) r.get("achieved")).intValue()).toList())
        .containsExactly("lixia=1", "shizhong=3", "lixia=2");
    assertThat(progress(pi).of("lixia").percent()).isEqualTo(100.0);

    // the overview and the ledger read the same progress: 2 of 15 members at target
    TargetProgress listed = overviews.targets(planCode(pi)).get(DISTRICT_PARKS).get(0);
    assertThat(listed.percent()).isEqualTo(13.3);
    assertThat(listed.line()).contains("达标 2/15 个单位");

    // every member reports; the sign-off shows each member's value beside the target
    tasks(pi, SUBMIT_REPORT).forEach(t -> report(t, 2));
    tasks(pi, REVIEW_REPORT).forEach(t -> review(t, ReviewDecision.APPROVE, "同意。"));
    String signOff = (String) taskService.getVariable(onlyTask(pi, SIGN_OFF).getId(), "targetSummary");
    assertThat(signOff).startsWith("目标 1：不少于 2 家（每个成员单位）· 达标 15/15 个单位，平均进度 100.0%\n  历下区政府：完成 2 家（100.0%）")
        .contains("\n  市中区政府：完成 3 家（150.0%）", "\n  商河县政府：完成 2 家（100.0%）");
    assertThat(signOff.split("\n")).hasSize(16);
  }

  @Test
  void refusesAMembersReportWithoutItsOwnValueWhenAnotherMemberHasGivenOne() {
    ProcessInstance pi = startSeedTask(DISTRICT_PARKS);
    report(taskFor(pi, SUBMIT_REPORT, "lixia"), 2);
    Task shizhong = taskFor(pi, SUBMIT_REPORT, "shizhong");
    assertThatThrownBy(() -> submit(shizhong, "submissionType", "report", "reportStatus", "基本完成",
        "reportSummary", "市中区示范园区建设正在推进。"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("「目标 1 完成值（数字）」为必填项");
    assertThat(taskFor(pi, SUBMIT_REPORT, "shizhong").getId()).isEqualTo(shizhong.getId());
    assertThat(progress(pi).of("shizhong").achieved()).isNull();
    assertThat(progress(pi).of("lixia").achieved().intValue()).isEqualTo(2);
  }

  @Test
  void sumsTheMembersValuesForATargetSetForAllOfThemTogether() {
    PlanTask seed = seedTask(DISTRICT_PARKS);
    PlanTask total = new PlanTask(DISTRICT_PARKS, seed.sectionNumber(), seed.itemNumber(),
        "各区县共建设“双创”示范园区超过30家。", seed.timeRequirement(), seed.deadline(), seed.leadUnits(),
        seed.supportingUnits());
    ProcessInstance pi = startTask(total, TODAY.toLocalDate());
    Task lixia = taskFor(pi, SUBMIT_REPORT, "lixia");
    assertThat(taskService.getVariable(lixia.getId(), "target1Label"))
        .isEqualTo("超过 30 家（各成员单位合计目标，填写本单位截至目前的累计完成值）");
    report(lixia, 12);
    report(taskFor(pi, SUBMIT_REPORT, "shizhong"), 10);

    TargetProgress parks = progress(pi);
    assertThat(parks.perMember()).isFalse();
    assertThat(parks.achieved().intValue()).isEqualTo(22);
    assertThat(parks.percent()).isEqualTo(73.3);
    assertThat(parks.line()).isEqualTo("超过 30 家（各成员单位合计） · 完成 22 家（73.3%）");
    assertThat((String) taskService.getVariable(reviewOf(pi, "市中区政府").getId(), "targetSummary"))
        .endsWith("目标 1：超过 30 家（各成员单位合计）· 本单位完成 10 家；合计 22 家（73.3%）");
  }

  @Test
  void countsAReturnedPartAgainstItsMemberInTheEvaluationAndTheOverview() {
    ProcessInstance pi = startSeedTask(DISTRICT_PARKS);
    report(taskFor(pi, SUBMIT_REPORT, "shizhong"), 1);
    review(reviewOf(pi, "市中区政府"), ReviewDecision.RETURN, "园区认定文件缺失。");
    report(taskFor(pi, SUBMIT_REPORT, "shizhong"), 2);
    review(reviewOf(pi, "市中区政府"), ReviewDecision.RETURN, "仍缺认定文件。");
    report(taskFor(pi, SUBMIT_REPORT, "lixia"), 2);
    review(reviewOf(pi, "历下区政府"), ReviewDecision.APPROVE, "同意。");

    Map<String, Integer> returns = new java.util.HashMap<>();
    for (Evaluation.UnitScore unit : evaluations.of(planCode(pi), null, Today.date(), u -> true).units()) {
      returns.put(unit.code(), unit.returns());
    }
    assertThat(returns).containsEntry("shizhong", 2).containsEntry("lixia", 0).containsEntry("huaiyin", 0);
    // the overview's row keeps whose each return was, for its 退回 column (OverviewFiguresTest)
    assertThat(overviews.stored(planCode(pi))).filteredOn(t -> t.number() == DISTRICT_PARKS).singleElement()
        .satisfies(t -> assertThat(t.returnedUnits()).containsExactly("shizhong", "shizhong"));
  }

  private TargetProgress progress(ProcessInstance pi) {
    List<TargetProgress> all = targets.progress(planCode(pi), DISTRICT_PARKS, Today.date());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private String planCode(ProcessInstance pi) {
    return (String) variable(pi, "planCode");
  }

  private int number(Task task, String variable) {
    return ((Number) taskService.getVariable(task.getId(), variable)).intValue();
  }

  private Task reviewOf(ProcessInstance pi, String member) {
    return tasks(pi, REVIEW_REPORT).stream().filter(t -> t.getName().contains("（" + member + "）")).findFirst()
        .orElseThrow();
  }
}
