package duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import duban.form.FormFiller;
import duban.form.TasklistValues;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Works imported tasks forward as their users would: each open task is claimed and submitted through its form by a
 * user of the group it is offered to, round after round, until none is left (or a condition says stop). Optionally
 * checks, before a round, that no unit's 本单位待办 lists a task not offered to it.
 */
public final class LifecycleDriver {

  /** What a drive did. */
  public record Result(int completed, Set<String> steps, int rounds) {}

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final FilterService filterService;
  private final FormService formService;
  private final FormFiller filler;
  private final Map<String, List<String>> groupsOfUser = new HashMap<>();

  public LifecycleDriver(ApplicationContext context) {
    this.taskService = context.getBean(TaskService.class);
    this.runtimeService = context.getBean(RuntimeService.class);
    this.historyService = context.getBean(HistoryService.class);
    this.identityService = context.getBean(IdentityService.class);
    this.filterService = context.getBean(FilterService.class);
    this.formService = context.getBean(FormService.class);
    this.filler = new FormFiller(context.getBean(FormService.class), taskService);
    for (User user : identityService.createUserQuery().list()) {
      groupsOfUser.put(user.getId(),
          identityService.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId).toList());
    }
  }

  /**
   * Completes the open tasks of the instances whose business key starts with {@code businessKeyPrefix}, round by
   * round, until none is left or {@code maxRounds} rounds ran.
   *
   * @param checkFiltersInRounds how many of the first rounds check every user's 本单位待办 first (it is slow)
   * @param which which open tasks to work on; the others stay open
   */
  public Result drive(String businessKeyPrefix, int maxRounds, int checkFiltersInRounds, Predicate<Task> which) {
    String ownUnitFilter = filterService.createFilterQuery().filterName("本单位待办").singleResult().getId();
    Set<String> steps = new HashSet<>();
    int completed = 0;
    int round = 0;
    for (; round < maxRounds; round++) {
      List<Task> open = taskService.createTaskQuery().processInstanceBusinessKeyLike(businessKeyPrefix + "%").list()
          .stream().filter(which).toList();
      if (open.isEmpty()) {
        break;
      }
      if (round < checkFiltersInRounds) {
        assertOwnUnitFilterShowsOnlyOfferedTasks(ownUnitFilter);
      }
      for (Task task : open) {
        complete(task);
        steps.add(task.getTaskDefinitionKey());
        completed++;
      }
    }
    return new Result(completed, steps, round);
  }

  /** Every instance of the plan ended at 办结销号, having passed through every step of the process. */
  public void assertAllSignedOff(String planCode, int tasks, Result result) {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(planCode + "-%").count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId(SupervisionProcess.SIGNED_OFF).count())
        .isEqualTo(tasks);
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("outcome").list())
        .hasSize(tasks).allSatisfy(v -> assertThat((String) v.getValue()).contains("办结销号"));
    assertThat(result.steps()).contains(SupervisionProcess.DESIGNATE_UNITS, SupervisionProcess.ACKNOWLEDGE,
        SupervisionProcess.SUBMIT_CONTRIBUTION, SupervisionProcess.SUBMIT_REPORT, SupervisionProcess.REVIEW_REPORT,
        SupervisionProcess.SIGN_OFF);
    assertThat(result.completed()).isGreaterThan(tasks * 4);
  }

  /** Claims and submits one task as the first user of the first group it is offered to. */
  public void complete(Task task) {
    String user = userFor(task);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser(user).count())
        .as("%s can claim %s", user, task.getName()).isEqualTo(1);
    taskService.claim(task.getId(), user);
    identityService.setAuthentication(user, groupsOfUser.get(user));
    try {
      formService.submitTaskForm(task.getId(), TasklistValues.of(filler.fill(task.getId())));
    } finally {
      identityService.clearAuthentication();
    }
  }

  public String userFor(Task task) {
    String group = candidateGroups(task).get(0);
    return identityService.createUserQuery().memberOfGroup(group).list().get(0).getId();
  }

  public List<String> groupsOf(String user) {
    return groupsOfUser.get(user);
  }

  public Map<String, Object> formValues(String taskId) {
    return filler.fill(taskId);
  }

  public List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private void assertOwnUnitFilterShowsOnlyOfferedTasks(String filterId) {
    groupsOfUser.forEach((user, groups) -> {
      identityService.setAuthentication(user, groups);
      try {
        List<Task> visible = filterService.list(filterId);
        for (Task task : visible) {
          assertThat(candidateGroups(task)).as("%s sees %s", user, task.getName()).containsAnyElementsOf(groups);
        }
      } finally {
        identityService.clearAuthentication();
      }
    });
  }
}
