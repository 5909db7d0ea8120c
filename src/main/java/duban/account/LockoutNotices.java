package duban.account;

import duban.reminder.Notices;
import duban.supervision.Today;
import duban.unit.Role;
import duban.unit.UnitDirectory;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Tells an account's unit (or, for the offices, its role) and the administrators that the account was locked, so that
 * a unit learns when someone else tries its password and an administrator can unlock a colleague at once.
 */
@Component
class LockoutNotices {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** The roles told of their own accounts; administrators are in copy of every notice anyway. */
  private static final List<String> ROLES = Role.groupIds(Role.SUPERVISION, Role.JOINT_OFFICE, Role.TOLERANCE,
      Role.MONITORING);

  private final Notices notices;
  private final UnitDirectory units;
  private final IdentityService identityService;
  private final LockoutSettings settings;

  LockoutNotices(Notices notices, UnitDirectory units, IdentityService identityService, LockoutSettings settings) {
    this.notices = notices;
    this.units = units;
    this.identityService = identityService;
    this.settings = settings;
  }

  void locked(String userId, int attempts, Instant until) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .toList();
    List<String> to = groups.stream().filter(g -> units.byCode(g).isPresent() || ROLES.contains(g)).toList();
    List<String> cc = List.of(Role.ADMIN.groupId());
    if (to.isEmpty()) {
      to = cc;
      cc = List.of();
    }
    Instant from = until.minus(settings.lockDuration());
    String text = String.join("\n",
        "账号 " + userId + " 连续 " + attempts + " 次密码错误，已于 " + TIME.format(from.atZone(Today.ZONE))
            + " 被临时锁定，将于 " + TIME.format(until.atZone(Today.ZONE)) + " 自动解锁。",
        "如不是本单位人员所为，说明有人在尝试登录该账号：请在解锁后修改密码，并告知系统管理员。",
        "系统管理员可在管理后台（Admin → 用户 → 该账号 → 解锁用户）立即解锁。");
    notices.account(userId, until.toString(), to, cc, "账号 " + userId + " 已临时锁定", text);
  }
}
