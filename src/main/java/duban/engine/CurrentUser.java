package duban.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is calling, as the engine's authentication filter established it: the one view of the engine's (internal)
 * authentication that feature packages use. Listeners and filters outside Spring's reach create one from the engine's
 * identity service.
 */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public boolean isAdmin() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }

  /** The caller's groups: role groups (supervision, jointoffice, …) and, for unit staff, the unit's code. */
  public java.util.List<String> groupIds() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null || auth.getGroupIds() == null ? java.util.List.of() : auth.getGroupIds();
  }

  public boolean inGroup(String group) {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(group);
  }

  public String id() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** The caller's groups as the authentication filter set them, or as the identity service knows them. */
  public List<String> groups() {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return List.of();
    }
    if (auth.getGroupIds() != null) {
      return List.copyOf(auth.getGroupIds());
    }
    return identityService.createGroupQuery().groupMember(auth.getUserId()).list().stream().map(Group::getId).toList();
  }
}
