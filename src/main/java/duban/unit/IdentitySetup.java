package duban.unit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
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

  /** Role group id → Chinese name. */
  static final Map<String, String> ROLES = new LinkedHashMap<>();

  /** Demo login → the role group it belongs to. */
  static final Map<String, String> ROLE_LOGINS = new LinkedHashMap<>();

  static {
    ROLES.put("supervision", "督查室");
    ROLES.put("jointoffice", "市“双创”工作联席会议办公室");
    ROLES.put("tolerance", "容错认定机构");
    ROLES.put(Groups.CAMUNDA_ADMIN, "系统管理员");
    ROLES.put("monitoring", "运行监控"); // reads /actuator (health, metrics); nothing in the engine
    ROLE_LOGINS.put("supervisor", "supervision");
    ROLE_LOGINS.put("leader", "jointoffice");
    ROLE_LOGINS.put("investigator", "tolerance");
  }

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
    for (Map.Entry<String, String> role : ROLES.entrySet()) {
      created += group(role.getKey(), role.getValue(), ROLE_GROUP_TYPE);
    }
    if (demoUsers) {
      for (Unit unit : directory.concreteUnits()) {
        String shortName = unit.aliases().isEmpty() ? unit.name() : unit.aliases().get(0);
        created += user(unit.code(), shortName, "经办人", unit.email(), unit.code(), demoPassword);
      }
      for (Map.Entry<String, String> login : ROLE_LOGINS.entrySet()) {
        created += user(login.getKey(), ROLES.get(login.getValue()), "用户", null, login.getValue(), demoPassword);
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
    int created = user(adminUser, "系统", "管理员", null, Groups.CAMUNDA_ADMIN, adminPassword);
    if (created == 0) {
      if (identityService.createUserQuery().userId(adminUser).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
        identityService.createMembership(adminUser, Groups.CAMUNDA_ADMIN);
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
