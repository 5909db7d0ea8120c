package duban.reminder;

import duban.unit.Role;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Unit and role codes to addresses: a unit's contact e-mail, a role's configured one, a unit's robot webhook and its
 * 钉钉 secret.
 */
@Component
class Recipients {

  private final UnitDirectory directory;
  private final ReminderSettings settings;

  Recipients(UnitDirectory directory, ReminderSettings settings) {
    this.directory = directory;
    this.settings = settings;
  }

  Optional<String> email(String code) {
    return Optional.ofNullable(settings.roleEmails().get(code)).or(() -> directory.byCode(code).map(Unit::email));
  }

  List<String> emails(List<String> codes) {
    return codes.stream().map(this::email).flatMap(Optional::stream).filter(Objects::nonNull).distinct().toList();
  }

  Optional<String> webhook(String code) {
    return Optional.ofNullable(settings.webhooks().get(code)).filter(url -> !url.isBlank());
  }

  /** A 钉钉 robot's 加签 secret. */
  Optional<String> webhookSecret(String code) {
    return Optional.ofNullable(settings.webhookSecrets().get(code)).filter(secret -> !secret.isBlank());
  }

  String name(String code) {
    return Role.ofGroup(code).map(Role::displayName).orElseGet(() ->
        directory.byCode(code).map(u -> u.aliases().isEmpty() ? u.name() : u.aliases().get(0)).orElse(code));
  }
}
