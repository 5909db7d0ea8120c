package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Makes a new user task readable in a Tasklist of thirty: the task number and a short title in its name, a due date,
 * and the options its form offers.
 */
@Component
class TaskPresentation {

  static final String CO_LEAD_ROLE = "会同牵头单位（承办）";
  static final String SUPPORTING_ROLE = "配合单位（协办）";

  private final DueDates dueDates;
  private final UnitNames unitNames;
  private final SupervisionLists lists;
  private final SupervisionJournal journal;

  TaskPresentation(DueDates dueDates, UnitNames unitNames, SupervisionLists lists, SupervisionJournal journal) {
    this.dueDates = dueDates;
    this.unitNames = unitNames;
    this.lists = lists;
    this.journal = journal;
  }

  void present(DelegateTask task) {
    String action = task.getName();
    switch (task.getTaskDefinitionKey()) {
      case SupervisionProcess.SUBMIT_CONTRIBUTION -> {
        boolean coLead = lists.split(LEAD_UNITS.get(task)).contains(CONTRIBUTOR_UNIT.get(task));
        CONTRIBUTOR_ROLE.setLocal(task, coLead ? CO_LEAD_ROLE : SUPPORTING_ROLE);
        action = coLead ? "报送承办情况" : "报送配合情况";
      }
      case SupervisionProcess.DESIGNATE_UNITS -> unitOptions(task);
      case SupervisionProcess.REASSIGN -> {
        unitOptions(task);
        RETURNING_UNIT_NAME.setLocal(task, unitNames.of(LEAD_UNIT.get(task)));
      }
      default -> { }
    }
    String unit = unitFor(task);
    task.setName("〔" + TASK_NUMBER.get(task) + "〕" + action + (unit == null ? "" : "（" + unit + "）")
        + " · " + TASK_TITLE.get(task));
    task.setDueDate(dueDates.closeOfBusiness(dueDates.dueDate(task)));
    journal.step(task, task.getProcessInstanceId(), SupervisionEvents.Kind.TASK_OPENED,
        TaskStage.ofActivity(task.getTaskDefinitionKey()), unit, null);
  }

  /** The unit a task is offered to, where several units get the same step. */
  private String unitFor(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      case SupervisionProcess.ACKNOWLEDGE, SupervisionProcess.REASSIGN -> unitNames.of(LEAD_UNIT.get(task));
      case SupervisionProcess.SUBMIT_CONTRIBUTION -> unitNames.of(CONTRIBUTOR_UNIT.get(task));
      // each member's part of a broken-down task carries its name, so Cockpit and Tasklist tell the tracks apart
      case SupervisionProcess.SUBMIT_REPORT, SupervisionProcess.REVIEW_REPORT, SupervisionProcess.REVIEW_EXTENSION ->
          BREAKDOWN.isTrue(task) ? unitNames.of(REPORTING_UNIT.get(task)) : null;
      default -> null;
    };
  }

  private void unitOptions(DelegateTask task) {
    List<?> options = unitNames.options();
    task.setVariableLocal(UNIT_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
  }
}
