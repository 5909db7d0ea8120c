package duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import duban.form.FormFiller;
import duban.form.TaskSubmissions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * All 67 imported tasks, worked to their end by the users of the groups each step is offered to, submitting only what
 * the forms show, while no unit's 本单位待办 ever lists a task not offered to it.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:all-tasks;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class AllTasksLifecycleTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TaskSubmissions submissions;

  @Test
  void drivesEveryImportedTaskToSignOffThroughItsForms() {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("JNSC2022-%").count()).isEqualTo(67);
    FormFiller filler = new FormFiller(formService, taskService);
    Map<String, List<String>> groupsOfUser = new HashMap<>();
    for (User user : identityService.createUserQuery().list()) {
      groupsOfUser.put(user.getId(),
          identityService.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId).toList());
    }
    String ownUnitFilter = filterService.createFilterQuery().filterName("本单位待办").singleResult().getId();
    Set<String> stepsSeen = new HashSet<>();

    int completed = 0;
    for (int round = 0; round < 20; round++) {
      List<Task> open = taskService.createTaskQuery().processInstanceBusinessKeyLike("JNSC2022-%").list();
      if (open.isEmpty()) {
        break;
      }
      assertOwnUnitFilterShowsOnlyOfferedTasks(ownUnitFilter, groupsOfUser);
      for (Task task : open) {
        String group = candidateGroups(task).get(0);
        String user = identityService.createUserQuery().memberOfGroup(group).list().get(0).getId();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser(user).count())
            .as("%s can claim %s", user, task.getName()).isEqualTo(1);
        taskService.claim(task.getId(), user);
        identityService.setAuthentication(user, groupsOfUser.get(user));
        try {
          submissions.complete(task.getId(), filler.fill(task.getId()));
        } finally {
          identityService.clearAuthentication();
        }
        stepsSeen.add(task.getTaskDefinitionKey());
        completed++;
      }
    }

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("JNSC2022-%").count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId(SupervisionProcess.SIGNED_OFF).count())
        .isEqualTo(67);
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("outcome").list())
        .hasSize(67).allSatisfy(v -> assertThat((String) v.getValue()).contains("办结销号"));
    assertThat(stepsSeen).contains(SupervisionProcess.DESIGNATE_UNITS, SupervisionProcess.ACKNOWLEDGE,
        SupervisionProcess.SUBMIT_CONTRIBUTION, SupervisionProcess.SUBMIT_REPORT, SupervisionProcess.REVIEW_REPORT,
        SupervisionProcess.SIGN_OFF);
    assertThat(completed).isGreaterThan(67 * 4);
  }

  private void assertOwnUnitFilterShowsOnlyOfferedTasks(String filterId, Map<String, List<String>> groupsOfUser) {
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

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
