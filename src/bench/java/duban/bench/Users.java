package duban.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** Who works a group's tasks (the first member, as in AllTasksLifecycleTest), and each user's groups. */
final class Users {

  static final String BARE_PASSWORD = "bench-baseline";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final Map<String, String> userOfGroup = new HashMap<>();
  private final Map<String, List<String>> groupsOfUser = new HashMap<>();

  Users(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  String memberOf(String group) {
    return userOfGroup.computeIfAbsent(group, g -> {
      List<User> members = identity.createUserQuery().memberOfGroup(g).listPage(0, 1);
      if (members.isEmpty()) {
        throw new IllegalStateException("no user in group " + g);
      }
      return members.get(0).getId();
    });
  }

  List<String> groupsOf(String user) {
    return groupsOfUser.computeIfAbsent(user,
        u -> identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList());
  }

  /** Runs as the user, with the groups Tasklist's session would carry. */
  void as(String user, Runnable work) {
    identity.setAuthentication(user, groupsOf(user));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The bare baseline's one user and group. */
  void createBareUser() {
    if (identity.createGroupQuery().groupId(BareProcesses.GROUP).count() == 0) {
      Group group = identity.newGroup(BareProcesses.GROUP);
      group.setName("bench baseline");
      identity.saveGroup(group);
      User user = identity.newUser(BareProcesses.USER);
      user.setPassword(BARE_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(BareProcesses.USER, BareProcesses.GROUP);
    }
    // the baseline's user logs in to Tasklist like any unit
    if (authorizations.createAuthorizationQuery().groupIdIn(BareProcesses.GROUP).resourceType(Resources.APPLICATION).count() == 0) {
      Authorization access = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      access.setGroupId(BareProcesses.GROUP);
      access.setResource(Resources.APPLICATION);
      access.setResourceId("tasklist");
      access.addPermission(Permissions.ACCESS);
      authorizations.saveAuthorization(access);
    }
  }
}
