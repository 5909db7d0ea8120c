package duban.unit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * Every unit of the directory is a Camunda group, and so is every role that receives tasks. In demo mode each of
 * those groups gets a login with the demo password. Creates only what is missing, so every start may run it. Runs as
 * the engine is built, before the web server accepts a request, so {@code camunda-admin} is never empty and the
 * admin-setup page is never open.
 */
@Component
public class IdentitySetup {

  static final String UNIT_GROUP_TYPE = "UNIT";
  static final String ROLE_GROUP_TYPE = "ROLE";

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final UnitDirectory directory;
  private final boolean demoUsers;
  private final String demoPassword;
  private final String adminUser;
  private final String adminPassword;
  private IdentityService identityService;

  IdentitySetup(UnitDirectory directory, IdentitySettings.Demo demo, IdentitySettings.Admin admin) {
    this.directory = directory;
    this.demoUsers = demo.users();
    this.demoPassword = demo.password();
    this.adminUser = admin.user();
    this.adminPassword = admin.password();
  }

  /** Step 1 of {@code duban.startup.StartupSequence}. */
  public void run(ProcessEngine engine) {
    identityService = engine.getIdentityService();
    int created = 0;
    for (Unit unit : directory.concreteUnits()) {
      created += group(unit.code(), unit.name(), UNIT_GROUP_TYPE);
    }
    for (Role role : Role.values()) {
      created += group(role.groupId(), role.displayName(), ROLE_GROUP_TYPE);
    }
    if (demoUsers) {
      for (Unit unit : directory.concreteUnits()) {
        String shortName = unit.aliases().isEmpty() ? unit.name() : unit.aliases().get(0);
        created += user(unit.code(), shortName, "经办人", unit.email(), unit.code(), demoPassword);
      }
      for (Role role : Role.values()) {
        if (role.demoLogin().isPresent()) {
          created += user(role.demoLogin().get(), role.displayName(), "用户", null, role.groupId(), demoPassword);
        }
      }
    }
    created += admin();
    log.info("Identity: {} groups and users created ({} units{})", created, directory.concreteUnits().size(),
        demoUsers ? ", demo logins with the demo password" : "");
  }

  /** A unit added at run time: its group at once, and in demo mode its login, as on start-up. */
  void provision(Unit unit) {
    group(unit.code(), unit.name(), UNIT_GROUP_TYPE);
    if (demoUsers) {
      String shortName = unit.aliases().isEmpty() ? unit.name() : unit.aliases().get(0);
      user(unit.code(), shortName, "经办人", unit.email(), unit.code(), demoPassword);
    }
  }

  private int group(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return 0;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
    return 1;
  }

  /** The configured admin always exists, belongs to camunda-admin and has the configured password. */
  private int admin() {
    int created = user(adminUser, "系统", "管理员", null, Role.ADMIN.groupId(), adminPassword);
    if (created == 0) {
      if (identityService.createUserQuery().userId(adminUser).memberOfGroup(Role.ADMIN.groupId()).count() == 0) {
        identityService.createMembership(adminUser, Role.ADMIN.groupId());
      }
      if (!identityService.checkPassword(adminUser, adminPassword)) {
        User admin = identityService.createUserQuery().userId(adminUser).singleResult();
        admin.setPassword(adminPassword);
        identityService.saveUser(admin);
        identityService.unlockUser(adminUser); // the check above counted as a failed login

      }
    }
    return created;
  }

  private int user(String id, String firstName, String lastName, String email, String groupId, String password) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return 0;
    }
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, groupId);
    return 1;
  }
}
