package duban.unit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The accounts created on start-up: the administrator, and the demo logins when {@code demo.users} is on. */
final class IdentitySettings {

  private IdentitySettings() {}

  @ConfigurationProperties("duban.demo")
  record Demo(boolean users, String password) {}

  @ConfigurationProperties("duban.admin")
  record Admin(String user, String password) {}

  @ConfigurationProperties("duban.units")
  record Directory(String location) {}
}
