package duban.supervision;

import static duban.supervision.SupervisionProcess.*;
import static duban.supervision.SupervisionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import duban.form.SubmissionRejectedException;
import duban.overview.OverviewTask;
import duban.overview.Overviews;
import duban.overview.Status;
import duban.plan.PlanTask;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reports against a task's quantitative targets: the values asked, checked, kept, summed and judged against pace. */
class TargetReportProcessTest extends ProcessTestSupport {

  @Autowired TaskTargets targets;
  @Autowired Overviews overviews;
  @Autowired JdbcTemplate jdbc;

  /** 签收 by every lead and 配合 by every supporter: the task then waits for its report. */
  private Task reportTask(ProcessInstance pi) {
    tasks(pi, ACKNOWLEDGE).forEach(this::acknowledge);
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    return onlyTask(pi, SUBMIT_REPORT);
  }

  private String planCode(ProcessInstance pi) {
    return (String) variable(pi, "planCode");
  }

  private List<TargetProgress> progress(ProcessInstance pi) {
    return targets.progress(planCode(pi), (Integer) variable(pi, "taskNumber"), Today.date());
  }

  @Test
  void asksTheAchievedValueOfEachTargetAndShowsItBesideTheTargetInReview() {
    ProcessInstance pi = startSeedTask(38); // 新设1家…担保公司; 科创金融专营（特色）机构30家以上
    Task report = reportTask(pi);
    assertThat(taskService.getVariable(report.getId(), "targetCount")).isEqualTo(2);
    assertThat(taskService.getVariable(report.getId(), "target2Label")).isEqualTo("不少于 30 家（填写截至目前的累计完成值）");
    assertThat(taskService.getVariable(report.getId(), "hasTarget3")).isEqualTo(false);

    report(report, 1, 32);

    Task review = onlyTask(pi, REVIEW_REPORT);
    assertThat((String) taskService.getVariable(review.getId(), "targetSummary")).isEqualTo(
        "2026年报送：\n目标 1：1 家 · 完成 1 家（100.0%）\n目标 2：不少于 30 家 · 完成 32 家（106.7%）");
    assertThat(progress(pi)).extracting(TargetProgress::percent).containsExactly(100.0, 106.7);

    // returned and sent again: the period's value is the new one, and both stay in the history
    review(review, ReviewDecision.RETURN, "专营机构数量与名单不一致。");
    report(onlyTask(pi, SUBMIT_REPORT), 1, 28);
    assertThat(progress(pi)).extracting(TargetProgress::achieved).extracting(Number::intValue).containsExactly(1, 28);
    Task signOffReview = onlyTask(pi, REVIEW_REPORT);
    review(signOffReview, ReviewDecision.APPROVE, "同意。");
    assertThat((String) taskService.getVariable(onlyTask(pi, SIGN_OFF).getId(), "targetSummary"))
        .contains("目标 2：不少于 30 家 · 完成 28 家（93.3%）");
    assertThat(jdbc.queryForObject("select count(*) from duban_target_value where plan_code = ?", Integer.class,
        planCode(pi))).as("every value reported is kept").isEqualTo(4);
  }

  @Test
  void refusesAReportWithoutTheValueOfATarget() {
    ProcessInstance pi = startSeedTask(38);
    Task report = reportTask(pi);
    assertThatThrownBy(() -> submit(report, SUBMISSION_TYPE, SubmissionType.REPORT, "reportStatus", "已完成",
        "reportSummary", "已完成全部措施，相关载体平台建设到位。", "achievedValue1", 1))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("「目标 2 完成值（数字）」为必填项");
    assertThatThrownBy(() -> submit(report, SUBMISSION_TYPE, SubmissionType.REPORT, "reportStatus", "已完成",
        "reportSummary", "已完成全部措施，相关载体平台建设到位。", "achievedValue1", 1, "achievedValue2", "三十二"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("「目标 2 完成值（数字）」应为数字");
    assertThat(progress(pi)).extracting(TargetProgress::achieved).containsOnlyNulls();
    assertThat(onlyTask(pi, SUBMIT_REPORT).getId()).isEqualTo(report.getId());
  }

  @Test
  void sumsAPerYearTargetOverTheYearsPeriods() {
    // task 50, 长期: 每年…企业职工不少于1000人; quarterly reports
    setClock(LocalDateTime.of(2026, 5, 6, 10, 0));
    ProcessInstance pi = startTask(seedTask(50), LocalDate.of(2026, 5, 6));
    Task second = reportTask(pi);
    assertThat(taskService.getVariable(second.getId(), "target1Label"))
        .isEqualTo("每年不少于 1000 人（填写本期完成值，同一年度各期相加）");
    report(second, 400);
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.APPROVE, "同意，继续报送。");
    assertThat(progress(pi).get(0).achieved().intValue()).isEqualTo(400);

    setClock(LocalDateTime.of(2026, 8, 3, 10, 0));
    execute(job(NEXT_REPORTING_PERIOD, pi));
    Task third = reportTask(pi);
    assertThat(taskService.getVariable(third.getId(), "reportingPeriod")).isEqualTo("2026年第3季度");
    assertThat(taskService.getVariable(third.getId(), "achievedValue1")).as("a new period starts empty").isNull();
    report(third, 350);
    assertThat(progress(pi).get(0).achieved().intValue()).isEqualTo(750);
    assertThat(progress(pi).get(0).percent()).isEqualTo(75.0);
    assertThat((String) taskService.getVariable(onlyTask(pi, REVIEW_REPORT).getId(), "targetSummary"))
        .isEqualTo("2026年第3季度报送：\n目标 1：每年不少于 1000 人 · 本年度完成 750 人（75.0%）");

    // in the next year the sum starts again
    setClock(LocalDateTime.of(2027, 1, 4, 10, 0));
    assertThat(progress(pi).get(0).achieved()).isNull();
  }

  @Test
  void turnsYellowAndThenRedAsATargetFallsBehindItsPace() {
    // a cumulative target due in 13 months, 10% reached in the first days, the report waiting for review
    PlanTask seed = seedTask(38);
    PlanTask task = new PlanTask(38, seed.sectionNumber(), seed.itemNumber(), "到2027年年底，打造科创金融专营机构不少于100家。",
        "2027年年底", LocalDate.of(2027, 12, 31), seed.leadUnits(), seed.supportingUnits());
    setClock(LocalDateTime.of(2026, 12, 1, 10, 0));
    ProcessInstance pi = startTask(task, LocalDate.of(2026, 12, 1));
    report(reportTask(pi), 10);
    String code = planCode(pi);

    setClock(LocalDateTime.of(2027, 1, 10, 10, 0)); // pace 10.1%: on schedule
    assertThat(light(code)).isEqualTo(Status.GREEN);
    setClock(LocalDateTime.of(2027, 3, 1, 10, 0)); // pace 22.8%: 12.8 points behind
    assertThat(light(code)).isEqualTo(Status.YELLOW);
    setClock(LocalDateTime.of(2027, 6, 1, 10, 0)); // pace 46.1%: 36.1 points behind
    assertThat(light(code)).isEqualTo(Status.RED);
    assertThat(progress(pi).get(0).lagPoints(Today.date())).isBetween(36.0, 36.2);
    // the trafficLight variable follows the same rule: a return alone would make it yellow, the lag makes it red
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.RETURN, "进度明显滞后，请说明原因。");
    assertThat(variable(pi, "trafficLight")).isEqualTo("RED");
    report(onlyTask(pi, SUBMIT_REPORT), 60);
    assertThat(variable(pi, "trafficLight")).as("60%% against a pace of 46%%: on pace, yellow only for the return")
        .isEqualTo("YELLOW");
    assertThat(progress(pi).get(0).lagPoints(Today.date())).isNegative();
  }

  private Status light(String planCode) {
    List<OverviewTask> tasks = overviews.tasks(planCode);
    assertThat(tasks).hasSize(1);
    return tasks.get(0).status();
  }
}
