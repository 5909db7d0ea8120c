package duban.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grows the unit directory at run time: a new unit is stored, becomes a Camunda group that may use Tasklist, and is in
 * the directory at once; an alias maps a name as written in a table to an existing unit.
 */
@Service
class UnitRegistry {

  /** A field the caller got wrong; the message names it. */
  static class InvalidUnitException extends RuntimeException {
    final String field;

    InvalidUnitException(String field, String message) {
      super("字段 " + field + "：" + message);
      this.field = field;
    }
  }

  static class UnitConflictException extends RuntimeException {
    UnitConflictException(String message) {
      super(message);
    }
  }

  record NewUnit(String code, String name, List<String> aliases, String kind, String email) {}

  private final UnitDirectory directory;
  private final UnitStore store;
  private final IdentitySetup identity;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  UnitRegistry(UnitDirectory directory, UnitStore store, IdentitySetup identity, IdentityService identityService,
      AuthorizationService authorizationService) {
    this.directory = directory;
    this.store = store;
    this.identity = identity;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Transactional
  public synchronized Unit add(NewUnit request, String by) {
    String code = request.code() == null ? "" : request.code().strip();
    if (code.isEmpty()) {
      throw new InvalidUnitException("code", "不能为空");
    }
    if (code.length() > 40 || !UnitDirectory.CODE.matcher(code).matches()) {
      throw new InvalidUnitException("code", "只能由小写字母和数字组成，最长 40 位，实为「" + code + "」");
    }
    if (UnitDirectory.RESERVED_CODES.contains(code)) {
      throw new InvalidUnitException("code", code + " 已被角色组占用");
    }
    if (directory.byCode(code).isPresent()
        || identityService.createGroupQuery().groupId(code).count() > 0
        || identityService.createUserQuery().userId(code).count() > 0) {
      throw new UnitConflictException("单位代码 " + code + " 已存在");
    }
    String name = required("name", request.name(), 200);
    UnitKind kind = kind(request.kind());
    String email = required("email", request.email(), 200);
    if (!UnitDirectory.EMAIL.matcher(email).matches()) {
      throw new InvalidUnitException("email", "格式不正确：「" + email + "」");
    }
    List<String> aliases = aliases(request.aliases(), null);
    checkFree("name", name, null);
    aliases.forEach(alias -> checkFree("aliases", alias, null));
    aliases.remove(name);
    Unit unit = new Unit(code, name, aliases, kind, email, List.of(), false);
    Instant now = Instant.now();
    store.insert(unit, by, now);
    aliases.forEach(alias -> store.insertAlias(alias, code, by, now));
    identity.provision(unit);
    Authorization access = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    access.setGroupId(code);
    access.setResource(Resources.APPLICATION);
    access.setResourceId("tasklist");
    access.addPermission(Permissions.ACCESS);
    authorizationService.saveAuthorization(access);
    directory.put(unit); // last: a failure above rolls the rest back and leaves the directory as it was
    return unit;
  }

  /** Adds names as written to a unit; names it already has are kept, names of other units refused. */
  @Transactional
  public synchronized Unit addAliases(String code, List<String> requested, String by) {
    Unit unit = directory.byCode(code).orElse(null);
    if (unit == null) {
      return null;
    }
    List<String> aliases = aliases(requested, unit);
    if (aliases.isEmpty()) {
      throw new InvalidUnitException("aliases", "至少填写一个别名");
    }
    List<String> added = new ArrayList<>();
    for (String alias : aliases) {
      checkFree("aliases", alias, code);
      if (!UnitDirectory.writtenForms(unit).contains(alias)) {
        added.add(alias);
      }
    }
    Instant now = Instant.now();
    added.forEach(alias -> store.insertAlias(alias, code, by, now));
    List<String> all = new ArrayList<>(unit.aliases());
    all.addAll(added);
    Unit updated = new Unit(unit.code(), unit.name(), all, unit.kind(), unit.email(), unit.members(),
        unit.needsDesignation());
    directory.put(updated);
    return updated;
  }

  private void checkFree(String field, String name, String ownCode) {
    Optional<Unit> holder = directory.byName(name);
    if (holder.isPresent() && !holder.get().code().equals(ownCode)) {
      throw new InvalidUnitException(field, "「" + name + "」已是单位 " + holder.get().code() + "（"
          + holder.get().name() + "）的名称或别名");
    }
  }

  private static String required(String field, String value, int max) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw new InvalidUnitException(field, "不能为空");
    }
    if (text.length() > max) {
      throw new InvalidUnitException(field, "最长 " + max + " 个字符");
    }
    return text;
  }

  private static UnitKind kind(String value) {
    String text = value == null ? "" : value.strip();
    List<String> allowed = new ArrayList<>();
    for (UnitKind kind : UnitKind.values()) {
      if (kind != UnitKind.COLLECTIVE) {
        allowed.add(kind.name());
        if (kind.name().equals(text) || kind.label().equals(text)) {
          return kind;
        }
      }
    }
    throw new InvalidUnitException("kind", text.isEmpty() ? "不能为空，可选 " + String.join("、", allowed)
        : "「" + text + "」无效，可选 " + String.join("、", allowed) + "（集合名称须在单位目录文件中配置成员）");
  }

  private static List<String> aliases(List<String> requested, Unit unit) {
    LinkedHashSet<String> aliases = new LinkedHashSet<>();
    if (requested != null) {
      for (String alias : requested) {
        String text = alias == null ? "" : alias.strip();
        if (text.isEmpty()) {
          throw new InvalidUnitException("aliases", "含空白项");
        }
        if (text.length() > 200) {
          throw new InvalidUnitException("aliases", "别名最长 200 个字符");
        }
        aliases.add(text);
      }
    }
    return new ArrayList<>(aliases);
  }
}
