package duban.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Spares every authorization check a scan of all grants. Before checking, Camunda 7.24 narrows the caller's groups to
 * those named in any grant, reading {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} without a condition
 * once per command (camunda-bpm-platform#5485). duban keeps a grant per task and unit, so at 157,000 open tasks that is
 * half a million rows read for every Tasklist page and count (README, Performance). Our users belong to one or two
 * groups: checking with all of them gives the same answers, since a group without grants matches nothing. Callers
 * with many groups (an LDAP directory, say) still get Camunda's narrowing.
 */
public final class AuthorizedGroups extends AuthorizationManager {

  /** Above this many groups, narrowing them first keeps Camunda's {@code GROUP_ID_ IN (…)} lists short. */
  public static final int NARROW_ABOVE = 20;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds != null && !authenticatedGroupIds.isEmpty()
        && authenticatedGroupIds.size() <= NARROW_ABOVE) {
      return new ArrayList<>(authenticatedGroupIds);
    }
    return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
  }

  /** Replaces the engine's authorization manager in every command. */
  static SessionFactory factory() {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new AuthorizedGroups();
      }
    };
  }
}
