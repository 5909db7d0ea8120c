package duban.supervision;

import static duban.supervision.SupervisionProcess.*;
import static duban.supervision.SupervisionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import duban.unit.Role;
import duban.form.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

class TaskSupervisionProcessTest extends ProcessTestSupport {

  // task 6: deadline 2026-12-31, lead 市地方金融监管局 (jrj), three supporting units
  private static final int ONE_LEAD_THREE_SUPPORTERS = 6;

  @Test
  void completesHappyPathFromAssignmentToSignOff() {
    ProcessInstance pi = startSeedTask(ONE_LEAD_THREE_SUPPORTERS);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(ACKNOWLEDGE);

    Task ack = taskFor(pi, ACKNOWLEDGE, "jrj");
    assertThat(ack.getName()).isEqualTo("〔6〕签收任务（市地方金融监管局） · 以济南市建设科创金融改革试验区为着力点");
    // 3 working days from Thursday 2026-11-26: Friday, Monday, Tuesday
    assertThat(toDate(ack)).isEqualTo(LocalDate.of(2026, 12, 1));
    acknowledge(ack);

    List<Task> contributions = tasks(pi, SUBMIT_CONTRIBUTION);
    assertThat(contributions).extracting(Task::getName).allMatch(n -> n.startsWith("〔6〕报送配合情况"));
    assertThat(groupsOf(contributions)).containsExactlyInAnyOrder("rhjn", "rhlw", "ybjzb");
    contributions.forEach(this::contribute);

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(SUBMIT_REPORT);
    Task report = taskFor(pi, SUBMIT_REPORT, "jrj");
    assertThat(toDate(report)).isEqualTo(LocalDate.of(2026, 12, 31));
    // the primary lead unit sees every contribution and its own plan when it reports
    assertThat((String) taskService.getVariable(report.getId(), "contributionSummary"))
        .contains("【人民银行济南分行营管部 · 配合单位（协办）】", "【人民银行莱芜中心支行", "【山东银保监局支持服务济南市金融改革发展工作专班");
    assertThat((String) taskService.getVariable(report.getId(), "acknowledgementSummary")).contains("张建国");
    report(report);

    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.APPROVE, "材料齐全，同意。");
    Task signOff = taskFor(pi, SIGN_OFF, Role.JOINT_OFFICE.groupId());
    submit(signOff, SIGN_OFF_DECISION, SignOffDecision.APPROVE, "signOffComment", "同意销号");

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded().hasPassed(SIGNED_OFF);
    assertThat(historicVariable(pi, "outcome")).isEqualTo("办结销号（已完成）");
    assertThat(historicVariable(pi, "reviewRounds")).isEqualTo(0);
  }

  @Test
  void returnsReportToLeadUnitWhenReviewRejects() {
    ProcessInstance pi = startSeedTask(ONE_LEAD_THREE_SUPPORTERS);
    acknowledge(taskFor(pi, ACKNOWLEDGE, "jrj"));
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);

    report(onlyTask(pi, SUBMIT_REPORT));
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.RETURN, "缺少专营机构名单，请补充。");
    Task second = taskFor(pi, SUBMIT_REPORT, "jrj");
    assertThat(taskService.getVariable(second.getId(), "reviewComment")).isEqualTo("缺少专营机构名单，请补充。");
    assertThat(taskService.getVariable(second.getId(), "reviewRounds")).isEqualTo(1);

    report(second);
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.RETURN, "名单与统计口径不一致。");
    Task third = taskFor(pi, SUBMIT_REPORT, "jrj");
    assertThat(taskService.getVariable(third.getId(), "reviewComment")).isEqualTo("名单与统计口径不一致。");

    report(third);
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.APPROVE, "同意。");
    submit(onlyTask(pi, SIGN_OFF), SIGN_OFF_DECISION, SignOffDecision.APPROVE);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(historicVariable(pi, "reviewRounds")).isEqualTo(2);
  }

  @Test
  void reassignsReturnedAssignmentToAnotherUnit() {
    ProcessInstance pi = startSeedTask(ONE_LEAD_THREE_SUPPORTERS);
    submit(taskFor(pi, ACKNOWLEDGE, "jrj"), ACK_DECISION, AckDecision.RETURN, "returnReason", "不属于本单位职责，应由财政部门牵头。");

    Task reassign = taskFor(pi, REASSIGN, Role.SUPERVISION.groupId());
    assertThat(taskService.getVariable(reassign.getId(), "returningUnitName")).isEqualTo("市地方金融监管局");
    assertThat(taskService.getVariable(reassign.getId(), "returnReason")).isEqualTo("不属于本单位职责，应由财政部门牵头。");
    submit(reassign, REASSIGN_DECISION, ReassignDecision.REPLACE, "replacementUnit", "czj", "reassignComment", "改由市财政局牵头。");

    assertThat(taskFor(pi, ACKNOWLEDGE, "jrj")).isNull();
    Task ack = taskFor(pi, ACKNOWLEDGE, "czj");
    assertThat(ack.getName()).contains("（市财政局）");
    assertThat(taskService.getVariable(ack.getId(), "ackDecision")).isNull();
    acknowledge(ack);
    assertThat(variable(pi, "primaryLeadUnit")).isEqualTo("czj");
    assertThat(variable(pi, "leadUnits")).isEqualTo("czj");
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    assertThat(taskFor(pi, SUBMIT_REPORT, "czj")).isNotNull();
  }

  @Test
  void returnsAssignmentToOriginalUnitWhenReassignmentConfirmsIt() {
    ProcessInstance pi = startSeedTask(ONE_LEAD_THREE_SUPPORTERS);
    submit(taskFor(pi, ACKNOWLEDGE, "jrj"), ACK_DECISION, AckDecision.RETURN, "returnReason", "认为应由其他部门牵头。");
    submit(taskFor(pi, REASSIGN, Role.SUPERVISION.groupId()), REASSIGN_DECISION, ReassignDecision.CONFIRM, "reassignComment", "按分工表由你单位牵头。");

    Task ack = taskFor(pi, ACKNOWLEDGE, "jrj");
    assertThat(taskService.getVariable(ack.getId(), "reassignComment")).isEqualTo("按分工表由你单位牵头。");
    acknowledge(ack);
    assertThat(variable(pi, "primaryLeadUnit")).isEqualTo("jrj");
  }

  @Test
  void refusesReplacementByAUnitThatAlreadyLeads() {
    ProcessInstance pi = startSeedTask(41); // leads 市地方金融监管局 (jrj) and 市发展改革委 (fgw)
    submit(taskFor(pi, ACKNOWLEDGE, "fgw"), ACK_DECISION, AckDecision.RETURN, "returnReason", "不属于本单位职责。");
    Task reassign = taskFor(pi, REASSIGN, Role.SUPERVISION.groupId());
    assertThatThrownBy(() -> submit(reassign, REASSIGN_DECISION, ReassignDecision.REPLACE, "replacementUnit", "jrj",
        "reassignComment", "改由金融局。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("已是本任务的牵头单位");
    assertThat(taskFor(pi, REASSIGN, Role.SUPERVISION.groupId())).isNotNull();
  }

  @Test
  void designatesConcreteUnitsForACollectiveLead() {
    ProcessInstance pi = startSeedTask(11); // lead 产业链链长单位 must be designated
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(DESIGNATE_UNITS);
    Task designate = taskFor(pi, DESIGNATE_UNITS, Role.SUPERVISION.groupId());
    assertThat(taskService.getVariable(designate.getId(), "designationNote")).isEqualTo("牵头单位「产业链链长单位」");
    assertThat(taskService.getVariable(designate.getId(), "unitOptions").toString()).contains("\"value\":\"gxj\"");

    submit(designate, "designatedLeadUnits", List.of("gxj", "fgw"), "designationComment", "由工信局、发改委任链长单位。");

    assertThat(groupsOf(tasks(pi, ACKNOWLEDGE))).containsExactly("gxj", "fgw");
    assertThat(variable(pi, "primaryLeadUnit")).isEqualTo("gxj");
    assertThat(variable(pi, "contributorUnits")).isEqualTo("fgw,kjj,rsj");
  }

  @Test
  void refusesDesignationOfAUnitNotInTheDirectory() {
    ProcessInstance pi = startSeedTask(11);
    Task designate = taskFor(pi, DESIGNATE_UNITS, Role.SUPERVISION.groupId());
    assertThatThrownBy(() -> submit(designate, "designatedLeadUnits", List.of("nosuchunit")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("nosuchunit");
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(DESIGNATE_UNITS);
  }

  @Test
  void givesEveryLeadUnitAnAcknowledgementAndCoLeadsTheirOwnPart() {
    ProcessInstance pi = startSeedTask(41); // leads jrj (primary) and fgw; four supporting units
    assertThat(groupsOf(tasks(pi, ACKNOWLEDGE))).containsExactlyInAnyOrder("jrj", "fgw");
    tasks(pi, ACKNOWLEDGE).forEach(this::acknowledge);

    Task coLeadPart = taskFor(pi, SUBMIT_CONTRIBUTION, "fgw");
    assertThat(coLeadPart.getName()).startsWith("〔41〕报送承办情况（市发展改革委）");
    assertThat(taskService.getVariable(coLeadPart.getId(), "contributorRole")).isEqualTo("会同牵头单位（承办）");
    assertThat(groupsOf(tasks(pi, SUBMIT_CONTRIBUTION))).containsExactlyInAnyOrder("fgw", "scjgj", "rhjn", "rhlw", "ybjzb");
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);

    assertThat(taskFor(pi, SUBMIT_REPORT, "jrj")).isNotNull();
    assertThat(taskFor(pi, SUBMIT_REPORT, "fgw")).isNull();
    assertThat((String) variable(pi, "contributionSummary")).contains("【市发展改革委 · 会同牵头单位（承办）】");
  }

  @Test
  void skipsContributionsWhenTaskHasNoSupportingUnits() {
    ProcessInstance pi = startSeedTask(20); // 市市场监管局 alone, no supporting units
    acknowledge(taskFor(pi, ACKNOWLEDGE, "scjgj"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(SUBMIT_REPORT)
        .hasNotPassed(SUBMIT_CONTRIBUTION);
  }

  @Test
  void reportsLongTermTaskOverTwoPeriodsUntilTheOfficeClosesIt() {
    ProcessInstance pi = startSeedTask(20); // 长期, quarterly by default
    acknowledge(taskFor(pi, ACKNOWLEDGE, "scjgj"));
    Task first = taskFor(pi, SUBMIT_REPORT, "scjgj");
    assertThat(taskService.getVariable(first.getId(), "reportingPeriod")).isEqualTo("2026年第4季度");
    assertThat(toDate(first)).isEqualTo(LocalDate.of(2027, 1, 10));
    report(first);
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.APPROVE, "本季度进展良好。");

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(NEXT_REPORTING_PERIOD);
    assertThat(variable(pi, "nextRoundStart")).isEqualTo("2027-01-01T09:00");
    setClock(LocalDateTime.of(2027, 1, 1, 9, 0));
    execute(job(NEXT_REPORTING_PERIOD, pi));

    Task second = taskFor(pi, SUBMIT_REPORT, "scjgj");
    assertThat(taskService.getVariable(second.getId(), "reportingPeriod")).isEqualTo("2027年第1季度");
    assertThat(toDate(second)).isEqualTo(LocalDate.of(2027, 4, 10));
    report(second);
    submit(onlyTask(pi, REVIEW_REPORT), REVIEW_DECISION, ReviewDecision.APPROVE, "closeTask", true, "reviewComment", "任务目标已实现，办结。");
    submit(onlyTask(pi, SIGN_OFF), SIGN_OFF_DECISION, SignOffDecision.APPROVE);

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(historicVariable(pi, "periodsReported")).isEqualTo(1);
    assertThat(historicVariable(pi, "outcome")).isEqualTo("长期任务办结销号");
  }

  @Test
  void movesDeadlineWhenExtensionIsApproved() {
    ProcessInstance pi = startSeedTask(ONE_LEAD_THREE_SUPPORTERS);
    acknowledge(taskFor(pi, ACKNOWLEDGE, "jrj"));
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    requestExtension(onlyTask(pi, SUBMIT_REPORT), "2027-06-30");

    submit(taskFor(pi, REVIEW_EXTENSION, Role.SUPERVISION.groupId()), EXTENSION_DECISION, ExtensionDecision.APPROVE, "extensionComment", "同意延期。");
    Task report = taskFor(pi, SUBMIT_REPORT, "jrj");
    assertThat(toDate(report)).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(variable(pi, "deadline")).isEqualTo("2027-06-30");
    assertThat(variable(pi, "extensionCount")).isEqualTo(1);
  }

  @Test
  void keepsDeadlineWhenExtensionIsRejected() {
    ProcessInstance pi = startSeedTask(ONE_LEAD_THREE_SUPPORTERS);
    acknowledge(taskFor(pi, ACKNOWLEDGE, "jrj"));
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    requestExtension(onlyTask(pi, SUBMIT_REPORT), "2027-06-30");

    submit(onlyTask(pi, REVIEW_EXTENSION), EXTENSION_DECISION, ExtensionDecision.REJECT, "extensionComment", "理由不充分，请按期完成。");
    Task report = taskFor(pi, SUBMIT_REPORT, "jrj");
    assertThat(toDate(report)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(taskService.getVariable(report.getId(), "extensionComment")).isEqualTo("理由不充分，请按期完成。");
    assertThat(variable(pi, "extensionCount")).isEqualTo(0);
  }

  @Test
  void refusesAnExtensionThatDoesNotMoveTheDeadline() {
    ProcessInstance pi = startSeedTask(ONE_LEAD_THREE_SUPPORTERS);
    acknowledge(taskFor(pi, ACKNOWLEDGE, "jrj"));
    tasks(pi, SUBMIT_CONTRIBUTION).forEach(this::contribute);
    Task report = onlyTask(pi, SUBMIT_REPORT);
    assertThatThrownBy(() -> requestExtension(report, "2026-12-15"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("须晚于现有时限 2026-12-31");
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(SUBMIT_REPORT);
  }

  @Test
  void startsPastDeadlineTaskAtTheReportFlaggedOverdue() {
    ProcessInstance pi = startSeedTask(3); // 2023年年底, 市科协
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(SUBMIT_REPORT)
        .hasNotPassed(ACKNOWLEDGE);
    assertThat(variable(pi, "overdue")).isEqualTo(true);
    Task report = taskFor(pi, SUBMIT_REPORT, "kx");
    assertThat(toDate(report)).isEqualTo(LocalDate.of(2023, 12, 31));
    report(report);
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.APPROVE, "同意。");
    submit(onlyTask(pi, SIGN_OFF), SIGN_OFF_DECISION, SignOffDecision.APPROVE);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void sendsSignOffBackToReviewWhenTheLeaderReturnsIt() {
    ProcessInstance pi = startSeedTask(3);
    report(onlyTask(pi, SUBMIT_REPORT));
    review(onlyTask(pi, REVIEW_REPORT), ReviewDecision.APPROVE, "同意。");
    submit(onlyTask(pi, SIGN_OFF), SIGN_OFF_DECISION, SignOffDecision.RETURN, "signOffComment", "请核实注册企业数量。");
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW_REPORT);
  }

  private void requestExtension(Task report, String date) {
    submit(report, SUBMISSION_TYPE, SubmissionType.EXTENSION, "extensionDate", date,
        "extensionReason", "受项目审批进度影响，需延后完成。");
  }

  private List<String> groupsOf(List<Task> tasks) {
    return tasks.stream().map(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId()).toList();
  }

  private static LocalDate toDate(Task task) {
    return task.getDueDate().toInstant().atZone(JINAN).toLocalDate();
  }

  private Object historicVariable(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }
}
