package duban.security;

import duban.engine.PasswordPolicy;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops a {@code prod} start before anything touches the database when the admin password is missing or weak. The
 * strength rules are the engine's own password policy, which the prod profile also switches on for every user.
 */
class ProductionSettings implements EnvironmentPostProcessor {

  static final String PASSWORD_VARIABLE = "DUBAN_ADMIN_PASSWORD";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    String user = environment.getProperty("duban.admin.user");
    String password = environment.getProperty("duban.admin.password");
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("prod 配置缺少管理员密码：请设置环境变量 " + PASSWORD_VARIABLE
          + "（管理员账号 " + user + "，由 DUBAN_ADMIN_USER 设置）");
    }
    List<String> problems = PasswordPolicy.weaknesses(user, password);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("prod 配置的管理员密码（" + PASSWORD_VARIABLE + "）太弱：" + String.join("；", problems));
    }
  }
}
