package duban.overview;

import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionVariables;
import duban.supervision.TaskSnapshot;
import duban.supervision.TaskStage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The repair command: rebuilds a plan's rows from the engine (each instance's process variables in history and the
 * activities it is at), the same reading the listeners make. Reminder counts come from the timeline's own rows.
 */
@Component
public class ReadModelRebuild {

  private static final int CHUNK = 500;

  private final HistoryService history;
  private final RuntimeService runtime;
  private final ReadModel readModel;

  /** The report's fields, local to each part of SubProcess_ReportPart. */
  private static final Set<String> PART_FIELDS = Set.of(SupervisionVariables.REPORT_STATUS.name(),
      SupervisionVariables.REPORT_SUMMARY.name(), SupervisionVariables.ACHIEVED_FIGURES.name());

  ReadModelRebuild(HistoryService history, RuntimeService runtime, ReadModel readModel) {
    this.history = history;
    this.runtime = runtime;
    this.readModel = readModel;
  }

  /** @return the number of rows written */
  @Transactional
  public int rebuild(String planCode) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SupervisionProcess.KEY).processInstanceBusinessKeyLike(planCode + "-%").list();
    Map<String, Map<String, Object>> variables = new HashMap<>();
    Map<String, Map<String, HistoricVariableInstance>> partVariables = new HashMap<>();
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
        // process-level variables only: local ones of a step (leadUnit, contributorRole…) live on other executions
        if (v.getTaskId() == null && v.getProcessInstanceId().equals(v.getExecutionId())) {
          variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(), v.getValue());
        } else if (v.getTaskId() == null && PART_FIELDS.contains(v.getName())) {
          // the report as its unit last wrote it, in the newest part
          partVariables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
              .merge(v.getName(), v, (a, b) -> b.getCreateTime().before(a.getCreateTime()) ? a : b);
        }
      }
    }
    // where one unit reports for all, the steps showed its report while its part was open, as the rebuild does
    partVariables.forEach((id, part) -> {
      Map<String, Object> process = variables.computeIfAbsent(id, i -> new HashMap<>());
      if (!Boolean.TRUE.equals(process.get(SupervisionVariables.BREAKDOWN.name()))) {
        part.forEach((name, v) -> process.put(name, v.getValue()));
      }
    });
    readModel.deleteTasks(planCode);
    for (HistoricProcessInstance instance : instances) {
      TaskSnapshot task = TaskSnapshot.of(variables.getOrDefault(instance.getId(), Map.of())::get);
      if (task.planCode() == null) {
        continue;
      }
      readModel.insert(StoredTask.WHOLE_TASK, instance.getId(), task, stage(instance, task),
          readModel.remindersRecorded(planCode, task.number()));
    }
    return instances.size();
  }

  private TaskStage stage(HistoricProcessInstance instance, TaskSnapshot task) {
    if (instance.getEndTime() != null) {
      return task.exempted() ? TaskStage.EXEMPTED : TaskStage.DONE;
    }
    return runtime.getActiveActivityIds(instance.getId()).stream().map(TaskStage::ofActivity).filter(Objects::nonNull)
        .findFirst().orElse(null);
  }
}
