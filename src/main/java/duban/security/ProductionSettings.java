package duban.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
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
    List<String> problems = weaknesses(user, password);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("prod 配置的管理员密码（" + PASSWORD_VARIABLE + "）太弱：" + String.join("；", problems));
    }
  }

  static List<String> weaknesses(String user, String password) {
    List<String> problems = new ArrayList<>();
    UserEntity admin = new UserEntity(user);
    for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
      if (!rule.execute(password, admin)) {
        problems.add(describe(rule));
      }
    }
    return problems;
  }

  private static String describe(PasswordPolicyRule rule) {
    String minimum = rule.getParameters() == null ? "" : String.join("", rule.getParameters().values());
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "至少 " + minimum + " 个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少 " + minimum + " 个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少 " + minimum + " 个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少 " + minimum + " 个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少 " + minimum + " 个特殊字符";
      case "PASSWORD_POLICY_USER_DATA" -> "不得包含账号名";
      default -> rule.getPlaceholder();
    };
  }
}
