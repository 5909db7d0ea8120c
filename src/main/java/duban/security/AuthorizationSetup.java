package duban.security;

import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The standing grants of each role. Unit staff get Tasklist and nothing global: their tasks reach them through
 * candidate groups and their instances through {@link UnitAccess}. The supervision office and the joint-conference
 * office read everything in Cockpit. No one but {@code camunda-admin} may deploy, start processes or manage users.
 */
@Component
public class AuthorizationSetup {

  static final String SUPERVISION = "supervision";
  static final String JOINT_OFFICE = "jointoffice";
  static final String TOLERANCE = "tolerance";

  private final UnitDirectory directory;

  AuthorizationSetup(UnitDirectory directory) {
    this.directory = directory;
  }

  /** Step 2 of {@code duban.startup.StartupSequence}. */
  public void run(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    long revokes = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      throw new IllegalStateException("数据库中有 " + revokes + " 条撤销（REVOKE）授权，本系统不检查撤销授权，"
          + "它们不会生效：请先删除（ACT_RU_AUTHORIZATION 中 TYPE_ = 2 的行）并改为收窄授予授权");
    }
    // camunda-admin is not exempt from checks: like Camunda's own admin setup, it gets everything
    for (Resources resource : Resources.values()) {
      Grants.grant(authorizations, Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
    }
    List<String> everyone = new ArrayList<>(directory.concreteUnits().stream().map(Unit::code).toList());
    everyone.addAll(List.of(SUPERVISION, JOINT_OFFICE, TOLERANCE));
    for (String group : everyone) {
      Grants.grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    for (String overseer : List.of(SUPERVISION, JOINT_OFFICE)) {
      Grants.grant(authorizations, overseer, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      Grants.grant(authorizations, overseer, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      Grants.grant(authorizations, overseer, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      Grants.grant(authorizations, overseer, Resources.DEPLOYMENT, "*", Permissions.READ);
      Grants.grant(authorizations, overseer, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    }
  }
}
