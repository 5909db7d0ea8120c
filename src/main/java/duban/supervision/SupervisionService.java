package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import duban.engine.CurrentUser;
import duban.security.UnitAccess;
import duban.supervision.SupervisionEvents.Kind;
import duban.unit.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** What each completed step of the supervision process changes; the listeners only route to it. */
@Service
class SupervisionService {

  static final String REPORTED_AT = "reportedAt";
  private static final String OFFICE = Role.SUPERVISION.displayName();
  private static final String JOINT_OFFICE = Role.JOINT_OFFICE.displayName();

  private final SupervisionLists lists;
  private final UnitNames unitNames;
  private final ReportingPeriods periods;
  private final TaskStatus status;
  private final SupervisionJournal journal;
  private final TaskTargets targets;

  SupervisionService(SupervisionLists lists, UnitNames unitNames, ReportingPeriods periods, TaskStatus status,
      SupervisionJournal journal, TaskTargets targets) {
    this.targets = targets;
    this.lists = lists;
    this.unitNames = unitNames;
    this.periods = periods;
    this.status = status;
    this.journal = journal;
  }

  /** 指定承办单位: designated units take the place of the collective the table named. */
  void designated(DelegateTask task) {
    List<String> leads = new ArrayList<>(lists.split(LEAD_UNITS.get(task)));
    List<String> supports = new ArrayList<>(lists.split(SUPPORTING_UNITS.get(task)));
    if (LEAD_NEEDS_DESIGNATION.isTrue(task)) {
      leads = distinct(JsonLists.strings(task.getVariable(DESIGNATED_LEAD_UNITS)), leads);
    }
    if (SUPPORT_NEEDS_DESIGNATION.isTrue(task)) {
      supports = distinct(supports, JsonLists.strings(task.getVariable(DESIGNATED_SUPPORTING_UNITS)));
    }
    supports.removeAll(leads);
    setUnits(task, leads, supports);
    SUPPORTING_UNIT_NAMES.set(task, supports.isEmpty() ? "无" : unitNames.of(supports));
    journal.step(task, task.getProcessInstanceId(), Kind.DESIGNATED, null, OFFICE,
        "指定承办单位：牵头单位 " + LEAD_UNIT_NAMES.get(task) + "；配合单位 " + SUPPORTING_UNIT_NAMES.get(task));
  }

  /** 签收: an accepted assignment adds the unit's responsible person and plan to what the primary lead sees. */
  void acknowledged(DelegateTask task) {
    String unit = unitNames.of(LEAD_UNIT.get(task));
    if (!AckDecision.ACCEPT.is(ACK_DECISION.get(task))) {
      journal.step(task, task.getProcessInstanceId(), Kind.ASSIGNMENT_RETURNED, null, unit,
          "退回交办（不属于本单位职责）：" + RETURN_REASON.get(task));
      return;
    }
    String line = unit + "：责任人 " + RESPONSIBLE_PERSON.get(task)
        + "（" + CONTACT_PHONE.get(task) + "）；工作计划：" + WORK_PLAN.get(task) + "；节点安排：" + MILESTONES.get(task);
    append(task, ACKNOWLEDGEMENT_SUMMARY, line);
    journal.step(task, task.getProcessInstanceId(), Kind.ACKNOWLEDGED, null, unit, "签收 · " + line);
    RESPONSIBLE_CONTACTS.set(task, ResponsibleContacts.with(RESPONSIBLE_CONTACTS.get(task), new ResponsibleContacts.Contact(
        LEAD_UNIT.get(task), RESPONSIBLE_PERSON.get(task), CONTACT_PHONE.get(task), CONTACT_EMAIL.get(task))));
  }

  /** 重新交办: the office either puts another unit in the returning unit's place or confirms the original. */
  void reassigned(DelegateTask task) {
    String returningName = unitNames.of(LEAD_UNIT.get(task));
    if (ReassignDecision.REPLACE.is(REASSIGN_DECISION.get(task))) {
      String returning = LEAD_UNIT.get(task);
      String replacement = REPLACEMENT_UNIT.get(task);
      List<String> leads = new ArrayList<>(lists.split(LEAD_UNITS.get(task)));
      leads.replaceAll(code -> code.equals(returning) ? replacement : code);
      List<String> supports = new ArrayList<>(lists.split(SUPPORTING_UNITS.get(task)));
      supports.removeAll(leads);
      setUnits(task, leads, supports);
      LEAD_UNIT.set(task, replacement);
    }
    String comment = REASSIGN_COMMENT.get(task);
    journal.step(task, task.getProcessInstanceId(), Kind.REASSIGNED, null, OFFICE,
        (ReassignDecision.REPLACE.is(REASSIGN_DECISION.get(task)) ? "重新交办：改由 " + unitNames.of(LEAD_UNIT.get(task)) + " 承办（原为 "
            + returningName + "）" : "重新交办：维持 " + returningName + " 承办") + (comment == null ? "" : "；意见：" + comment));
    // the unit now holding the assignment starts from an empty acknowledgement
    for (Var<String> field : List.of(ACK_DECISION, RESPONSIBLE_PERSON, CONTACT_PHONE, CONTACT_EMAIL, WORK_PLAN, MILESTONES,
        RETURN_REASON)) {
      field.set(task, null);
    }
  }

  /** 承办/协办: each contribution is added, read-only, to what the primary lead unit sees when reporting. */
  void contributed(DelegateTask task) {
    String unit = unitNames.of(CONTRIBUTOR_UNIT.get(task));
    append(task, CONTRIBUTION_SUMMARY, "【" + unit + " · " + CONTRIBUTOR_ROLE.get(task) + "】" + CONTRIBUTION.get(task));
    journal.step(task, task.getProcessInstanceId(), Kind.CONTRIBUTED, null, unit,
        CONTRIBUTOR_ROLE.get(task) + "报送：" + CONTRIBUTION.get(task));
  }

  /** 报送: a report (not an extension request) goes to review; one that comes after the due date is late. */
  void reported(DelegateTask task) {
    String unit = unitNames.of(reportingUnit(task));
    if (SubmissionType.REPORT.is(SUBMISSION_TYPE.get(task))) {
      task.setVariable(REPORTED_AT, Today.now().toString());
      if (BREAKDOWN.isTrue(task)) {
        ReportParts.add(task, UNITS_IN_REVIEW, reportingUnit(task));
      }
      AWAITING_REVIEW.set(task, !BREAKDOWN.isTrue(task) || ReportParts.outstanding(task).isEmpty());
      REPORTED_LATE.set(task, TaskStatus.isLate(task));
      String figures = recordTargetValues(task, unit);
      status.refresh(task);
      journal.step(task, task.getProcessInstanceId(), Kind.REPORTED, null, unit,
          "报送办理情况（第 " + (REVIEW_ROUNDS.get(task) + 1) + " 轮" + (REPORTED_LATE.isTrue(task) ? "，逾期报送" : "") + "）："
              + REPORT_STATUS.get(task) + "；" + REPORT_SUMMARY.get(task)
              + (ACHIEVED_FIGURES.get(task) == null ? "" : "；完成数据：" + ACHIEVED_FIGURES.get(task))
              + (figures == null ? "" : "；量化目标：" + figures.replace("\n", "；")));
    } else {
      journal.step(task, task.getProcessInstanceId(), Kind.EXTENSION_REQUESTED, null, unit,
          "申请延期至 " + EXTENSION_DATE.get(task) + "：" + EXTENSION_REASON.get(task));
    }
  }

  /**
   * The values a report gives for the task's targets go into their history, for the period reported (a 长期 task's
   * period, else the year of the report); the review and sign-off forms then show each target beside its progress.
   */
  private String recordTargetValues(DelegateTask task, String unit) {
    Integer count = TARGET_COUNT.get(task);
    if (count == null || count == 0) {
      return null;
    }
    List<BigDecimal> values = new ArrayList<>();
    for (int slot = 1; slot <= count; slot++) {
      Object value = task.getVariable(achievedValue(slot));
      values.add(value instanceof Number n ? new BigDecimal(n.toString()) : null);
    }
    String period;
    int year;
    if (LONG_TERM.isTrue(task)) {
      ReportingPeriod reported = periods.containing(LocalDate.parse(REPORT_DUE_DATE.get(task)).minusMonths(1));
      period = reported.label();
      year = reported.start().getYear();
    } else {
      year = Today.date().getYear();
      period = year + "年";
    }
    String by = Optional.ofNullable(new CurrentUser(task.getProcessEngineServices().getIdentityService()).id())
        .map(user -> unit + "（" + user + "）").orElse(unit);
    // a member of a broken-down task reports its own values; where one unit reports for all, they are the task's
    String member = BREAKDOWN.isTrue(task) ? reportingUnit(task) : null;
    targets.reported(PLAN_CODE.get(task), TASK_NUMBER.get(task), task.getProcessInstanceId(), period, year, member,
        lists.split(REPORTING_UNITS.get(task)), values, by);
    String summary = period + "报送" + (member == null ? "" : "（" + unit + "）") + "：\n"
        + targets.progress(PLAN_CODE.get(task), TASK_NUMBER.get(task), Today.date()).stream()
            .map(p -> "目标 " + p.slot() + "：" + (member == null ? p.line() : p.lineFor(member)))
            .collect(Collectors.joining("\n"));
    TARGET_SUMMARY.set(task, summary); // the part's own: its review shows this member's values
    return summary;
  }

  /** For the sign-off of a broken-down task: each target for the whole task, then every member's own value. */
  private String consolidatedTargets(VariableScope task) {
    Integer count = TARGET_COUNT.get(task);
    if (count == null || count == 0) {
      return null;
    }
    return targets.progress(PLAN_CODE.get(task), TASK_NUMBER.get(task), Today.date()).stream()
        .map(p -> "目标 " + p.slot() + "：" + p.line() + p.memberLines().stream().map(l -> "\n  " + l)
            .collect(Collectors.joining()))
        .collect(Collectors.joining("\n"));
  }

  /** 延期申请: an approved extension moves the deadline and lifts the overdue flag. */
  void extensionReviewed(DelegateTask task) {
    if (ExtensionDecision.APPROVE.is(EXTENSION_DECISION.get(task))) {
      LocalDate newDeadline = LocalDate.parse(EXTENSION_DATE.get(task));
      DEADLINE.set(task, newDeadline.toString());
      DEADLINE_TEXT.set(task, newDeadline + "（已批准延期）");
      OVERDUE.set(task, false);
      EXTENSION_COUNT.set(task, EXTENSION_COUNT.get(task) + 1);
      status.refresh(task);
    }
    String comment = EXTENSION_COMMENT.get(task);
    journal.step(task, task.getProcessInstanceId(), Kind.EXTENSION_DECIDED, null, OFFICE,
        (ExtensionDecision.APPROVE.is(EXTENSION_DECISION.get(task)) ? "同意延期，完成时限延至 " + EXTENSION_DATE.get(task) : "不同意延期")
            + (comment == null ? "" : "；意见：" + comment));
  }

  /** 审核: a return counts a round and sends the part back to its unit; an approval ends the part. */
  void reviewed(DelegateTask task) {
    CLOSE_TASK.set(task, CLOSE_TASK.isTrue(task));
    String member = BREAKDOWN.isTrue(task) ? unitNames.of(reportingUnit(task)) : null;
    String line = "审核" + (member == null ? "" : member) + "（第 " + (REVIEW_ROUNDS.get(task) + 1) + " 轮）：";
    String comment = REVIEW_COMMENT.get(task) == null ? "" : "；意见：" + REVIEW_COMMENT.get(task);
    if (BREAKDOWN.isTrue(task)) {
      ReportParts.remove(task, UNITS_IN_REVIEW, reportingUnit(task));
    }
    if (ReviewDecision.RETURN.is(REVIEW_DECISION.get(task))) {
      REVIEW_ROUNDS.set(task, REVIEW_ROUNDS.get(task) + 1);
      List<String> returned = new ArrayList<>(SupervisionLists.codes(RETURNED_UNITS.get(task)));
      returned.add(reportingUnit(task));
      RETURNED_UNITS.set(task, SupervisionLists.join(returned));
      AWAITING_REVIEW.set(task, false);
      REPORT_RETURNED.set(task, true);
      status.refresh(task);
      journal.step(task, task.getProcessInstanceId(), Kind.REVIEWED, null, OFFICE, line + "退回修改" + comment);
      return;
    }
    REPORT_RETURNED.set(task, false);
    status.refresh(task);
    String next = member != null ? "通过" : LONG_TERM.isTrue(task) && !CLOSE_TASK.isTrue(task) ? "通过" : "通过，报请办结销号";
    journal.step(task, task.getProcessInstanceId(), Kind.REVIEWED, null, OFFICE, line + next + comment);
  }

  /**
   * A part approved: its unit is done for the period. Where one unit reports for all, its report becomes the task's;
   * in a broken-down task each member's part is added to the office's consolidated report.
   */
  void partApproved(DelegateExecution part) {
    DelegateExecution task = part.getProcessInstance();
    String unit = reportingUnit(part);
    ReportParts.add(task, APPROVED_UNITS, unit);
    if (CLOSE_TASK.isTrue(part)) {
      CLOSE_TASK.set(task, true);
    }
    if (!BREAKDOWN.isTrue(part)) {
      for (Var<String> field : List.of(REPORT_STATUS, REPORT_SUMMARY, ACHIEVED_FIGURES, REVIEW_COMMENT, TARGET_SUMMARY)) {
        field.set(task, field.get(part));
      }
      int count = TARGET_COUNT.get(part) == null ? 0 : TARGET_COUNT.get(part);
      for (int slot = 1; slot <= count; slot++) { // a sign-off return re-reviews the report with its values
        task.setVariable(achievedValue(slot), part.getVariable(achievedValue(slot)));
      }
      return;
    }
    TARGET_SUMMARY.set(task, consolidatedTargets(task));
    String figures = ACHIEVED_FIGURES.get(part) == null ? "" : "（完成数据：" + ACHIEVED_FIGURES.get(part) + "）";
    append(task, REPORT_SUMMARY, "【" + unitNames.of(unit) + " · " + REPORT_STATUS.get(part) + "】"
        + REPORT_SUMMARY.get(part) + figures);
    REPORT_STATUS.set(task, ReportParts.worse(REPORT_STATUS.get(task), REPORT_STATUS.get(part)));
    AWAITING_REVIEW.set(task, ReportParts.outstanding(task).isEmpty());
    status.refresh(task);
  }

  /** Every part of a 长期 task's period approved: the next period opens for every reporting unit. */
  void periodApproved(DelegateExecution execution) {
    PERIODS_REPORTED.set(execution, PERIODS_REPORTED.get(execution) + 1);
    // a period's report falls due in the month after the period, so a month back lies inside the period
    ReportingPeriod reported = periods.containing(LocalDate.parse(REPORT_DUE_DATE.get(execution)).minusMonths(1));
    ReportingPeriod next = periods.after(reported);
    REPORTING_PERIOD.set(execution, next.label());
    REPORT_DUE_DATE.set(execution, next.dueDate().toString());
    LocalDateTime start = next.start().atTime(status.officeOpens());
    NEXT_ROUND_START.set(execution, (start.isAfter(Today.now()) ? start : Today.now()).toString());
    if (BREAKDOWN.isTrue(execution)) {
      // supporting units contribute once per task; each member reports every period
      CONTRIBUTOR_COUNT.set(execution, 0);
      REPORT_SUMMARY.set(execution, null);
      REPORT_STATUS.set(execution, null);
    } else {
      CONTRIBUTION_SUMMARY.set(execution, null);
    }
    for (int slot = 1; slot <= TARGET_SLOTS; slot++) {
      if (execution.hasVariable(achievedValue(slot))) {
        execution.removeVariable(achievedValue(slot)); // the next period's form starts empty, not with these values
      }
    }
    APPROVED_UNITS.set(execution, null);
    AWAITING_REVIEW.set(execution, false);
    REPORTED_LATE.set(execution, false);
    status.refresh(execution);
    journal.step(execution, execution.getProcessInstanceId(), Kind.REVIEWED, TaskStage.IN_PROGRESS, OFFICE,
        "本周期报送审核通过，" + REPORTING_PERIOD.get(execution) + "继续报送");
  }

  /** 办结销号: the joint-conference office's decision goes on the record; a return goes back to review. */
  void signOffDecided(DelegateTask task) {
    String comment = SIGN_OFF_COMMENT.get(task) == null ? "" : "；意见：" + SIGN_OFF_COMMENT.get(task);
    if (SignOffDecision.RETURN.is(SIGN_OFF_DECISION.get(task)) && BREAKDOWN.isTrue(task)) {
      // every member reports its part again, and the consolidated report is built anew
      APPROVED_UNITS.set(task, null);
      REPORT_SUMMARY.set(task, null);
      REPORT_STATUS.set(task, null);
      AWAITING_REVIEW.set(task, false);
    }
    journal.step(task, task.getProcessInstanceId(), Kind.SIGN_OFF_DECIDED, null, JOINT_OFFICE,
        (SignOffDecision.RETURN.is(SIGN_OFF_DECISION.get(task)) ? "办结销号：退回重审" : "办结销号：同意办结") + comment);
  }

  void signedOff(DelegateExecution execution) {
    OUTCOME.set(execution, LONG_TERM.isTrue(execution) ? "长期任务办结销号" : "办结销号（" + REPORT_STATUS.get(execution) + "）");
    CLOSED_AT.set(execution, Today.now().toString());
    journal.step(execution, execution.getProcessInstanceId(), Kind.SIGNED_OFF, TaskStage.DONE, JOINT_OFFICE,
        OUTCOME.get(execution));
  }

  /** Every unit of the task may read its instance; a unit replaced or not yet designated may not. */
  void grantUnitAccess(DelegateExecution execution) {
    UnitAccess.syncInstanceReaders(execution.getProcessEngineServices(), execution.getProcessInstanceId(),
        unitsOf(execution));
    journal.step(execution, execution.getProcessInstanceId(), Kind.ASSIGNED, null, OFFICE,
        "交办任务：牵头单位 " + LEAD_UNIT_NAMES.get(execution) + "；配合单位 " + SUPPORTING_UNIT_NAMES.get(execution)
            + "；完成时限 " + DEADLINE_TEXT.get(execution));
  }

  private Set<String> unitsOf(VariableScope scope) {
    Set<String> units = new LinkedHashSet<>(lists.split(LEAD_UNITS.get(scope)));
    units.addAll(lists.split(SUPPORTING_UNITS.get(scope)));
    return units;
  }

  /** 容错免责: the task closes with no negative evaluation, whatever step it had reached. */
  void exempted(DelegateExecution execution) {
    OUTCOME.set(execution, TaskSnapshot.EXEMPTED_OUTCOME);
    NEGATIVE_EVALUATION.set(execution, false);
    TOLERANCE_OPEN.set(execution, false);
    CLOSED_AT.set(execution, Today.now().toString());
    journal.step(execution, execution.getProcessInstanceId(), Kind.EXEMPTED, TaskStage.EXEMPTED, null,
        "容错免责办结：" + TOLERANCE_DETERMINATION.get(execution));
  }

  /** The unit whose part a report step belongs to; the primary lead unit for an instance from before the parts. */
  private static String reportingUnit(VariableScope scope) {
    String unit = REPORTING_UNIT.get(scope);
    return unit == null ? PRIMARY_LEAD_UNIT.get(scope) : unit;
  }

  private void setUnits(DelegateTask scope, List<String> leads, List<String> supports) {
    LEAD_UNITS.set(scope, SupervisionLists.join(leads));
    LEAD_UNIT_NAMES.set(scope, unitNames.of(leads));
    PRIMARY_LEAD_UNIT.set(scope, leads.isEmpty() ? null : leads.get(0));
    SUPPORTING_UNITS.set(scope, SupervisionLists.join(supports));
    Contributors.set(scope, leads, supports);
    UnitAccess.syncInstanceReaders(scope.getProcessEngineServices(), scope.getProcessInstanceId(), unitsOf(scope));
  }

  private static void append(VariableScope scope, Var<String> summary, String line) {
    String current = summary.get(scope);
    summary.set(scope, current == null ? line : current + "\n\n" + line);
  }

  private static List<String> distinct(List<String> first, List<String> second) {
    LinkedHashSet<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return new ArrayList<>(all);
  }
}
