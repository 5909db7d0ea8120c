package duban.security;

import duban.engine.WithoutCaller;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Lets the units of a task read its process instance and variables, and no one else's. Tasks reach units through
 * candidate groups (the engine grants those itself); the instance needs a grant of its own, kept in step when units
 * are designated or replaced. Runs inside the engine's command, on behalf of whichever user caused the change.
 */
public final class UnitAccess {

  private UnitAccess() {}

  public static void syncInstanceReaders(ProcessEngineServices engine, String processInstanceId,
      Collection<String> unitGroups) {
    WithoutCaller.call(engine.getIdentityService(), () -> {
      AuthorizationService authorizations = engine.getAuthorizationService();
      // the history grant lets units comment (留言) on their tasks: Camunda's REST API looks a task up in history first
      sync(authorizations, Resources.PROCESS_INSTANCE, Permissions.READ, processInstanceId, unitGroups);
      sync(authorizations, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ,
          processInstanceId, unitGroups);
      return null;
    });
  }

  private static void sync(AuthorizationService authorizations, Resources resource, Permission permission,
      String processInstanceId, Collection<String> unitGroups) {
    Set<String> missing = new HashSet<>(unitGroups);
    for (Authorization existing : authorizations.createAuthorizationQuery()
        .resourceType(resource).resourceId(processInstanceId).list()) {
      if (existing.getGroupId() != null && !missing.remove(existing.getGroupId())) {
        authorizations.deleteAuthorization(existing.getId());
      }
    }
    for (String group : missing) {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setResource(resource);
      read.setResourceId(processInstanceId);
      read.setGroupId(group);
      read.addPermission(permission);
      authorizations.saveAuthorization(read);
    }
  }
}
