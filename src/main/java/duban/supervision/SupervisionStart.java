package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import duban.supervision.Assignment.AssignedUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The start variables of one task's supervision process, taken from its row in the table. */
@Component
public class SupervisionStart {

  private final ReportingPeriods periods;
  private final TaskTargets targets;

  SupervisionStart(ReportingPeriods periods, TaskTargets targets) {
    this.periods = periods;
    this.targets = targets;
  }

  public Map<String, Object> variables(String planCode, Assignment task, LocalDate today) {
    return variables(planCode, task, today, null, null);
  }

  /**
   * @param correctedTargets the targets the office set for this task with the import, null to keep the measure's
   * @param by who imports, for the targets' record
   */
  public Map<String, Object> variables(String planCode, Assignment task, LocalDate today, List<Target> correctedTargets,
      String by) {
    Map<String, Object> v = new HashMap<>();
    PLAN_CODE.put(v, planCode);
    TASK_NUMBER.put(v, task.number());
    TASK_TITLE.put(v, shortTitle(task.measure()));
    MEASURE.put(v, task.measure());
    TIME_REQUIREMENT.put(v, task.timeRequirement());
    LONG_TERM.put(v, task.longTerm());
    v.putAll(TargetSlots.variables(targets.settle(planCode, task, correctedTargets, today, by), task.longTerm(),
        task.leadUnits().stream().anyMatch(SupervisionStart::isCollectiveWithMembers)));
    REVIEW_ROUNDS.put(v, 0);
    RETURNED_UNITS.put(v, null);
    EXTENSION_COUNT.put(v, 0);
    PERIODS_REPORTED.put(v, 0);
    AWAITING_REVIEW.put(v, false);
    REPORT_RETURNED.put(v, false);
    REPORTED_LATE.put(v, false);
    TOLERANCE_OPEN.put(v, false);
    // read by the gateways after the report parts: a review may close a 长期 task, a sign-off may return it
    CLOSE_TASK.put(v, false);
    SIGN_OFF_DECISION.put(v, null);

    List<String> leads = concrete(task.leadUnits());
    List<String> supports = concrete(task.supportingUnits());
    supports.removeAll(leads); // a unit that leads never also "supports" itself
    LEAD_UNITS.put(v, SupervisionLists.join(leads));
    LEAD_UNIT_NAMES.put(v, names(task.leadUnits()));
    PRIMARY_LEAD_UNIT.put(v, leads.isEmpty() ? null : leads.get(0));
    SUPPORTING_UNITS.put(v, SupervisionLists.join(supports));
    SUPPORTING_UNIT_NAMES.put(v, task.supportingUnits().isEmpty() ? "无" : names(task.supportingUnits()));
    boolean breakdown = task.leadUnits().stream().anyMatch(SupervisionStart::isCollectiveWithMembers);
    BREAKDOWN.put(v, breakdown);
    Contributors.put(v, leads, supports, breakdown);

    boolean leadDesignation = task.leadUnits().stream().anyMatch(AssignedUnit::needsDesignation);
    boolean supportDesignation = task.supportingUnits().stream().anyMatch(AssignedUnit::needsDesignation);
    NEEDS_DESIGNATION.put(v, leadDesignation || supportDesignation);
    LEAD_NEEDS_DESIGNATION.put(v, leadDesignation);
    SUPPORT_NEEDS_DESIGNATION.put(v, supportDesignation);
    DESIGNATION_NOTE.put(v, designationNote(task));

    if (task.longTerm()) {
      ReportingPeriod period = periods.containing(today);
      DEADLINE_TEXT.put(v, "长期（按周期报送）");
      REPORTING_PERIOD.put(v, period.label());
      REPORT_DUE_DATE.put(v, period.dueDate().toString());
      OVERDUE_AT_START.put(v, false);
      OVERDUE.put(v, false);
    } else {
      boolean passed = task.deadline().isBefore(today);
      DEADLINE.put(v, task.deadline().toString());
      DEADLINE_TEXT.put(v, task.deadline().toString());
      OVERDUE_AT_START.put(v, passed);
      OVERDUE.put(v, passed);
    }
    return v;
  }

  static String shortTitle(String measure) {
    String first = measure.split("[，。；,;]", 2)[0].strip();
    return first.codePointCount(0, first.length()) <= 24 ? first : first.substring(0, first.offsetByCodePoints(0, 23)) + "…";
  }

  /** 各区县政府, 功能区管委会, 联席会议成员单位: a name that stands for members listed in the unit directory. */
  static boolean isCollectiveWithMembers(AssignedUnit ref) {
    return !ref.needsDesignation() && !ref.units().equals(List.of(ref.code()));
  }

  private static List<String> concrete(List<AssignedUnit> refs) {
    return new ArrayList<>(refs.stream().flatMap(r -> r.units().stream()).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  private static String names(List<AssignedUnit> refs) {
    return refs.stream().map(AssignedUnit::name).collect(Collectors.joining("、"));
  }

  private static String designationNote(Assignment task) {
    List<String> notes = new ArrayList<>();
    task.leadUnits().stream().filter(AssignedUnit::needsDesignation).forEach(r -> notes.add("牵头单位「" + r.name() + "」"));
    task.supportingUnits().stream().filter(AssignedUnit::needsDesignation).forEach(r -> notes.add("配合单位「" + r.name() + "」"));
    return notes.isEmpty() ? null : String.join("、", notes);
  }
}
