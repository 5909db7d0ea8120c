package duban.unit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every unit of the directory is a Camunda group, and so is every role that receives tasks. In demo mode each of
 * those groups gets a login with the demo password. Creates only what is missing, so every start may run it.
 */
@Component
@Order(10)
class IdentitySetup implements ApplicationRunner {

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
    ROLE_LOGINS.put("supervisor", "supervision");
    ROLE_LOGINS.put("leader", "jointoffice");
    ROLE_LOGINS.put("investigator", "tolerance");
    ROLE_LOGINS.put("demo", Groups.CAMUNDA_ADMIN);
  }

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final UnitDirectory directory;
  private final boolean demoUsers;
  private final String demoPassword;

  IdentitySetup(IdentityService identityService, UnitDirectory directory,
      @Value("${duban.demo.users:false}") boolean demoUsers, @Value("${duban.demo.password:demo}") String demoPassword) {
    this.identityService = identityService;
    this.directory = directory;
    this.demoUsers = demoUsers;
    this.demoPassword = demoPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
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
        created += user(unit.code(), shortName, "经办人", unit.email(), unit.code());
      }
      for (Map.Entry<String, String> login : ROLE_LOGINS.entrySet()) {
        created += user(login.getKey(), ROLES.get(login.getValue()), "用户", null, login.getValue());
      }
    }
    log.info("Identity: {} groups and users created ({} units{})", created, directory.concreteUnits().size(),
        demoUsers ? ", demo logins with the demo password" : "");
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

  private int user(String id, String firstName, String lastName, String email, String groupId) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return 0;
    }
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(demoPassword);
    identityService.saveUser(user);
    identityService.createMembership(id, groupId);
    return 1;
  }
}
