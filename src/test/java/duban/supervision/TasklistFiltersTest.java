package duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import duban.EngineTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class TasklistFiltersTest {

  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void everyRoleGetsItsFiltersAndOnlyThose() {
    assertThat(readers(TasklistFilters.OWN_UNIT)).contains("kx", "lixia", "supervision", "jointoffice");
    assertThat(readers(TasklistFilters.TO_REVIEW)).containsExactly("supervision");
    assertThat(readers(TasklistFilters.DUE_SOON)).containsExactly("supervision");
    assertThat(readers(TasklistFilters.OVERDUE)).containsExactly("supervision");
  }

  @Test
  void everyFilterNamesCandidateGroupsSoItsCountStaysCheap() {
    for (Filter filter : filterService.createFilterQuery().list()) {
      TaskQueryImpl query = filter.getQuery();
      boolean groups = query.getCandidateGroup() != null || query.getCandidateGroupsInternal() != null
          || query.getExpressions().containsKey("taskCandidateGroupIn");
      assertThat(groups).as("filter %s has a candidate-group criterion", filter.getName()).isTrue();
    }
  }

  private List<String> readers(String filterName) {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    return authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
        .hasPermission(Permissions.READ).list().stream().map(Authorization::getGroupId).toList();
  }
}
