package duban.evaluation;

import duban.calendar.WorkingCalendar;
import duban.evaluation.UnitFacts.Ratio;
import duban.evaluation.UnitFacts.Role;
import duban.overview.OverviewTask;
import duban.overview.Overviews;
import duban.overview.Status;
import duban.overview.StoredTask;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionVariables;
import duban.supervision.TaskStage;
import duban.unit.UnitDirectory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * Gathers each unit's facts for 结果考评: task outcomes from the overview's read model (the same rule as the overview
 * counts by), step timeliness from the engine's history (a user task's due date against when it was done), and
 * returns from the recorded review decisions. A task closed as 容错免责 is left out of every count of its units.
 */
@Component
class EvaluationFacts {

  private static final ZoneId ZONE = WorkingCalendar.ZONE;
  private static final Set<String> STEPS = Set.of(SupervisionProcess.ACKNOWLEDGE, SupervisionProcess.SUBMIT_REPORT,
      SupervisionProcess.SUBMIT_CONTRIBUTION);
  static final String RETURNED = "return";

  private final Overviews overviews;
  private final HistoryService historyService;
  private final UnitDirectory directory;

  EvaluationFacts(Overviews overviews, HistoryService historyService, UnitDirectory directory) {
    this.overviews = overviews;
    this.historyService = historyService;
    this.directory = directory;
  }

  /**
   * @param from the first day that counts, null for the whole plan
   * @param cutOff the last day that counts; today's state if it is today
   */
  List<UnitFacts> of(String planCode, LocalDate from, LocalDate cutOff, LocalDate today) {
    List<OverviewTask> tasks = overviews.tasks(planCode);
    Map<String, OverviewTask> byInstance = new HashMap<>();
    tasks.forEach(t -> byInstance.put(t.stored().processInstanceId(), t));
    Map<String, Builder> lead = new LinkedHashMap<>();
    Map<String, Builder> supporting = new LinkedHashMap<>();
    LocalDateTime endOfCutOff = cutOff.plusDays(1).atStartOfDay();

    for (OverviewTask task : tasks) {
      StoredTask s = task.stored();
      boolean exempted = s.closed() && !s.closedAt().isAfter(endOfCutOff) && task.stage() == TaskStage.EXEMPTED;
      boolean closedBefore = from != null && s.closed() && s.closedAt().toLocalDate().isBefore(from);
      if (closedBefore) {
        continue;
      }
      for (String unit : s.leadUnits()) {
        Builder b = lead.computeIfAbsent(unit, u -> new Builder(u, Role.LEAD));
        if (exempted) {
          b.exempted++;
          continue;
        }
        b.tasks++;
        outcome(b, task, cutOff, today, endOfCutOff);
        if (s.toleranceDetermination() != null && !s.toleranceDetermination().isBlank() && !exempted) {
          b.notes.add("第" + s.number() + "项：" + firstLine(s.toleranceDetermination()));
        }
      }
      for (String unit : s.supportingUnits()) {
        Builder b = supporting.computeIfAbsent(unit, u -> new Builder(u, Role.SUPPORTING));
        if (exempted) {
          b.exempted++;
        } else {
          b.tasks++;
        }
      }
    }
    steps(planCode, byInstance, lead, supporting, from, cutOff, endOfCutOff);
    returns(byInstance, lead, from, endOfCutOff);
    List<UnitFacts> facts = new ArrayList<>();
    lead.values().forEach(b -> facts.add(b.build()));
    supporting.values().forEach(b -> facts.add(b.build()));
    return facts;
  }

  /** Done on time, or overdue with its days, as of the cut-off; the overview's own answer when that is today. */
  private static void outcome(Builder b, OverviewTask task, LocalDate cutOff, LocalDate today,
      LocalDateTime endOfCutOff) {
    StoredTask s = task.stored();
    if (cutOff.equals(today)) {
      if (task.status() == Status.DONE) {
        b.due++;
        b.onTime += task.doneOnTime() ? 1 : 0;
      } else if (task.status() == Status.RED) {
        b.due++;
        b.overdue++;
        b.overdueDays += task.daysOverdue();
      }
      return;
    }
    boolean doneByThen = s.closed() && s.closedAt().isBefore(endOfCutOff);
    if (doneByThen) {
      b.due++;
      b.onTime += task.doneOnTime() ? 1 : 0;
    } else if (s.dueDate() != null && s.dueDate().isBefore(cutOff)) {
      b.due++;
      b.overdue++;
      b.overdueDays += (int) ChronoUnit.DAYS.between(s.dueDate(), cutOff);
    }
  }

  private void steps(String planCode, Map<String, OverviewTask> byInstance, Map<String, Builder> lead, Map<String, Builder> supporting,
      LocalDate from, LocalDate cutOff, LocalDateTime endOfCutOff) {
    if (byInstance.isEmpty()) {
      return;
    }
    Map<String, String> unitOfTask = new HashMap<>();
    for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery()
        .processDefinitionKey(SupervisionProcess.KEY).type("candidate").list()) {
      if (link.getGroupId() != null && link.getTaskId() != null && directory.byCode(link.getGroupId()).isPresent()) {
        unitOfTask.putIfAbsent(link.getTaskId(), link.getGroupId());
      }
    }
    for (HistoricTaskInstance step : historyService.createHistoricTaskInstanceQuery()
        .processDefinitionKey(SupervisionProcess.KEY).processInstanceBusinessKeyLike(planCode + "-%").list()) {
      OverviewTask task = byInstance.get(step.getProcessInstanceId());
      String unit = unitOfTask.get(step.getId());
      if (!STEPS.contains(step.getTaskDefinitionKey()) || unit == null || step.getDueDate() == null
          || "deleted".equals(step.getDeleteReason()) || isExempted(task, endOfCutOff)) {
        continue;
      }
      LocalDateTime due = local(step.getDueDate());
      LocalDateTime done = step.getEndTime() == null ? null : local(step.getEndTime());
      boolean counts = (done != null && done.isBefore(endOfCutOff)) || due.isBefore(endOfCutOff);
      boolean inWindow = from == null || (done != null ? !done.toLocalDate().isBefore(from) : !due.toLocalDate().isBefore(from));
      if (!counts || !inWindow) {
        continue;
      }
      boolean inTime = done != null && done.isBefore(endOfCutOff) && !done.isAfter(due);
      switch (step.getTaskDefinitionKey()) {
        case SupervisionProcess.ACKNOWLEDGE -> builder(lead, unit, Role.LEAD).acks =
            builder(lead, unit, Role.LEAD).acks.plus(inTime);
        case SupervisionProcess.SUBMIT_REPORT -> builder(lead, unit, Role.LEAD).steps =
            builder(lead, unit, Role.LEAD).steps.plus(inTime);
        default -> {
          boolean coLead = task.stored().leadUnits().contains(unit);
          Builder b = coLead ? builder(lead, unit, Role.LEAD) : builder(supporting, unit, Role.SUPPORTING);
          b.steps = b.steps.plus(inTime);
          if (!coLead && (done == null || !done.isBefore(endOfCutOff)) && !cutOff.isBefore(due.toLocalDate())) {
            b.overdue++;
          }
        }
      }
    }
  }

  /** Every return of a report, counted against the task's primary lead unit. */
  private void returns(Map<String, OverviewTask> byInstance, Map<String, Builder> lead, LocalDate from,
      LocalDateTime endOfCutOff) {
    if (byInstance.isEmpty()) {
      return;
    }
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().variableUpdates()
        .processInstanceIdIn(byInstance.keySet().toArray(String[]::new)).disableBinaryFetching().list()) {
      if (detail instanceof HistoricVariableUpdate update
          && SupervisionVariables.REVIEW_DECISION.name().equals(update.getVariableName())
          && RETURNED.equals(update.getValue())) {
        LocalDateTime at = local(update.getTime());
        OverviewTask task = byInstance.get(update.getProcessInstanceId());
        if (at.isBefore(endOfCutOff) && (from == null || !at.toLocalDate().isBefore(from))
            && !isExempted(task, endOfCutOff) && task.primaryLeadUnit() != null) {
          builder(lead, task.primaryLeadUnit(), Role.LEAD).returns++;
        }
      }
    }
  }

  private static boolean isExempted(OverviewTask task, LocalDateTime endOfCutOff) {
    return task.stored().closed() && !task.stored().closedAt().isAfter(endOfCutOff)
        && task.stage() == TaskStage.EXEMPTED;
  }

  private static Builder builder(Map<String, Builder> map, String unit, Role role) {
    return map.computeIfAbsent(unit, u -> new Builder(u, role));
  }

  private static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZONE);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  private static final class Builder {
    final String unit;
    final Role role;
    int tasks;
    int due;
    int onTime;
    int overdue;
    int overdueDays;
    int returns;
    int exempted;
    Ratio acks = Ratio.NONE;
    Ratio steps = Ratio.NONE;
    final List<String> notes = new ArrayList<>();

    Builder(String unit, Role role) {
      this.unit = unit;
      this.role = role;
    }

    UnitFacts build() {
      return new UnitFacts(unit, role, tasks, due, onTime, overdue, overdueDays, returns, acks, steps, exempted,
          notes.stream().distinct().collect(Collectors.toList()));
    }
  }
}
