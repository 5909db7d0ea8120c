package duban.supervision;

import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role. Every filter names candidate groups: Tasklist counts every filter, and a count
 * with no group criterion is the slow one at scale.
 */
@Component
public class TasklistFilters {

  static final String OWN_UNIT = "本单位待办";
  static final String TO_REVIEW = "待审核";
  static final String DUE_SOON = "即将到期";
  static final String OVERDUE = "已逾期";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final UnitDirectory directory;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      UnitDirectory directory) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.directory = directory;
  }

  /** Step 4 of {@code duban.startup.StartupSequence}. */
  public void run() {
    List<String> unitGroups = directory.concreteUnits().stream().map(Unit::code).toList();
    List<String> everyGroup = new ArrayList<>(unitGroups);
    everyGroup.add(SupervisionProcess.SUPERVISION_GROUP);
    everyGroup.add(SupervisionProcess.JOINT_OFFICE_GROUP);
    List<String> supervision = List.of(SupervisionProcess.SUPERVISION_GROUP);
    List<String> everyReceiver = new ArrayList<>(everyGroup);
    everyReceiver.add(SupervisionProcess.TOLERANCE_GROUP);

    create(OWN_UNIT, -10, "本单位可办理的督办任务", "#1f6feb",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        everyReceiver);
    create(TO_REVIEW, -5, "督查室待指定、待审核、待审批的任务", "#8250df",
        taskService.createTaskQuery().taskCandidateGroup(SupervisionProcess.SUPERVISION_GROUP).includeAssignedTasks(),
        supervision);
    create(DUE_SOON, 0, "7 天内到期的各单位任务", "#d29922",
        taskService.createTaskQuery().taskCandidateGroupIn(everyGroup).includeAssignedTasks()
            .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"),
        supervision);
    create(OVERDUE, 5, "已超过时限的各单位任务", "#cf222e",
        taskService.createTaskQuery().taskCandidateGroupIn(everyGroup).includeAssignedTasks()
            .dueBeforeExpression("${now()}"),
        supervision);
  }

  private void create(String name, int priority, String description, String color, TaskQuery query,
      List<String> readers) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "taskNumber", "label", "任务序号"),
        Map.of("name", "deadlineText", "label", "完成时限"),
        Map.of("name", "leadUnitNames", "label", "牵头单位")));
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
    filterService.saveFilter(filter);
    for (String group : readers) {
      Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.setGroupId(group);
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
