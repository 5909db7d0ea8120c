package duban.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is calling, as the engine's authentication filter established it. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public boolean isAdmin() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }

  public boolean inGroup(String group) {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(group);
  }

  public String id() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
