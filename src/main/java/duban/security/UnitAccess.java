package duban.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Lets the units of a task read its process instance and variables, and no one else's. Tasks reach units through
 * candidate groups (the engine grants those itself); the instance needs a grant of its own, kept in step when units
 * are designated or replaced. Runs inside the engine's command, on behalf of whichever user caused the change.
 */
public final class UnitAccess {

  private UnitAccess() {}

  public static void syncInstanceReaders(String processInstanceId, Collection<String> unitGroups) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      AuthorizationService authorizations = Context.getProcessEngineConfiguration().getAuthorizationService();
      Set<String> missing = new HashSet<>(unitGroups);
      for (Authorization existing : authorizations.createAuthorizationQuery()
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()) {
        if (existing.getGroupId() != null && !missing.remove(existing.getGroupId())) {
          authorizations.deleteAuthorization(existing.getId());
        }
      }
      for (String group : missing) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(processInstanceId);
        read.setGroupId(group);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
      return null;
    });
  }
}
