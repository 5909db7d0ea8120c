package duban.tolerance;

import duban.security.Grants;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Every unit may file (start this process, and only this one); the deciding body reads and works all
 * applications and nothing else; an applicant unit reads its own application through a per-instance grant.
 */
@Component
public class ToleranceGrants {

  private final UnitDirectory directory;

  ToleranceGrants(UnitDirectory directory) {
    this.directory = directory;
  }

  /** Step 3 of {@code duban.startup.StartupSequence}. */
  public void run(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Unit unit : directory.concreteUnits()) {
      Grants.grant(authorizations, unit.code(), Resources.PROCESS_DEFINITION, ToleranceVariables.PROCESS_KEY,
          Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      Grants.grant(authorizations, unit.code(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    Grants.grant(authorizations, ToleranceSetup.TOLERANCE_GROUP, Resources.PROCESS_DEFINITION,
        ToleranceVariables.PROCESS_KEY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    Grants.grant(authorizations, ToleranceSetup.TOLERANCE_GROUP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
  }
}
