package duban.unit;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The role groups besides the units, each a Camunda group of type {@code ROLE}: its id, its Chinese name (the group's
 * name in Tasklist, Cockpit and Admin, and how notices address it), and its demo login.
 */
public enum Role {
  /** 督查室: designates, reassigns, reviews reports and extensions, watches in Cockpit. */
  SUPERVISION("supervision", "督查室", "supervisor"),
  /** The joint-conference office: signs tasks off (办结销号) and reads everything in Cockpit. */
  JOINT_OFFICE("jointoffice", "市“双创”工作联席会议办公室", "leader"),
  /** The body that decides 容错 applications. */
  TOLERANCE("tolerance", "容错认定机构", "investigator"),
  /** Reads /actuator (health, metrics); nothing in the engine. */
  MONITORING("monitoring", "运行监控", null),
  ADMIN(Groups.CAMUNDA_ADMIN, "系统管理员", null);

  private final String groupId;
  private final String displayName;
  private final String demoLogin;

  Role(String groupId, String displayName, String demoLogin) {
    this.groupId = groupId;
    this.displayName = displayName;
    this.demoLogin = demoLogin;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  /** The demo login of the role, if demo mode creates one. */
  public Optional<String> demoLogin() {
    return Optional.ofNullable(demoLogin);
  }

  public boolean in(Collection<String> groupIds) {
    return groupIds != null && groupIds.contains(groupId);
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
  }

  public static List<String> groupIds(Role... roles) {
    return Arrays.stream(roles).map(Role::groupId).toList();
  }
}
