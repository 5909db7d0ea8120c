package duban.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/** The engine's own password policy, told in Chinese: what a password lacks. */
public final class PasswordPolicy {

  private PasswordPolicy() {}

  public static List<String> weaknesses(String user, String password) {
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
