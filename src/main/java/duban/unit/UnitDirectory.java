package duban.unit;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The units that can be given tasks, looked up by code or by the name written in a table.
 * Validated whole on creation and on every addition, so lookups can trust it. Grows at run time (units and aliases
 * added through the API); readers always see one consistent snapshot.
 */
public final class UnitDirectory {

  // Codes become Camunda group ids; Camunda's default id whitelist is [a-zA-Z0-9]+.
  static final Pattern CODE = Pattern.compile("[a-z0-9]+");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  // Group ids of roles and ids of built-in accounts: a unit with one of these codes would share
  // that group's rights, or its login.
  static final Set<String> RESERVED_CODES = reservedCodes();

  private volatile Snapshot snapshot;

  /** One immutable state of the directory. */
  private record Snapshot(List<Unit> units, Map<String, Unit> byCode, Map<String, Unit> byName) {

    static Snapshot of(List<Unit> units) {
      Map<String, Unit> byCode = new HashMap<>();
      Map<String, Unit> byName = new HashMap<>();
      for (Unit unit : units) {
        byCode.put(unit.code(), unit);
        writtenForms(unit).forEach(name -> byName.put(name, unit));
      }
      return new Snapshot(List.copyOf(units), byCode, byName);
    }
  }

  private UnitDirectory(List<Unit> units) {
    this.snapshot = Snapshot.of(units);
  }

  /** Reads a YAML file with a top-level {@code units:} list (see seeds/units.yaml). */
  public static UnitDirectory load(InputStream yaml) {
    return of(UnitYaml.read(yaml));
  }

  /**
   * @throws IllegalStateException listing every invalid entry by position and code
   */
  public static UnitDirectory of(List<Unit> units) {
    List<String> problems = new Validation(units).problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("单位目录有误：\n" + String.join("\n", problems));
    }
    return new UnitDirectory(units);
  }

  /**
   * Adds a unit, or replaces the unit with the same code (to add aliases).
   *
   * @throws IllegalStateException if the directory would no longer be valid (the message names why)
   */
  public synchronized void put(Unit unit) {
    List<Unit> next = new ArrayList<>(snapshot.units());
    next.removeIf(u -> u.code().equals(unit.code()));
    next.add(unit);
    List<String> problems = new Validation(next).problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("；", problems));
    }
    snapshot = Snapshot.of(next);
  }

  /**
   * The units whose name or aliases are most like a written name (shared characters, edit distance), best first;
   * for suggesting where an unknown name may belong.
   */
  public List<Unit> closest(String writtenName, int limit) {
    return NameSimilarity.closest(snapshot.units(), writtenName, limit);
  }

  /** The unit whose name or alias is exactly the given written name (surrounding blanks ignored). */
  public Optional<Unit> byName(String writtenName) {
    return writtenName == null ? Optional.empty() : Optional.ofNullable(snapshot.byName().get(writtenName.strip()));
  }

  public Optional<Unit> byCode(String code) {
    return Optional.ofNullable(code == null ? null : snapshot.byCode().get(code));
  }

  /** All units in file order. */
  public List<Unit> all() {
    return snapshot.units();
  }

  /** The units that can actually be addressed, i.e. everything but collectives. */
  public List<Unit> concreteUnits() {
    return snapshot.units().stream().filter(unit -> !unit.isCollective()).toList();
  }

  /**
   * The concrete units a code stands for: the unit itself, a collective's members, or nothing
   * for a collective that needs designation.
   *
   * @throws IllegalArgumentException for an unknown code
   */
  public List<String> expand(String code) {
    Unit unit = byCode(code).orElseThrow(() -> new IllegalArgumentException("未知单位代码：" + code));
    return unit.isCollective() ? unit.members() : List.of(unit.code());
  }

  static Set<String> writtenForms(Unit unit) {
    Set<String> forms = new HashSet<>();
    if (unit.name() != null) {
      forms.add(unit.name().strip());
    }
    unit.aliases().forEach(alias -> forms.add(alias.strip()));
    return forms;
  }

  /** Collects every problem of a unit list, so one run of the fix-and-reload loop suffices. */
  private static final class Validation {
    private final List<Unit> units;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> positionByCode = new HashMap<>();

    Validation(List<Unit> units) {
      this.units = units;
    }

    List<String> problems() {
      Map<String, Integer> positionByName = new LinkedHashMap<>();
      for (int i = 0; i < units.size(); i++) {
        Unit unit = units.get(i);
        String label = label(i);
        checkCode(unit, i, label);
        checkNames(unit, i, label, positionByName);
        if (unit.kind() == null) {
          problems.add(label + "：缺少 kind");
        } else if (unit.isCollective()) {
          checkCollectiveShape(unit, label);
        } else {
          checkConcrete(unit, label);
        }
      }
      // Members are checked once all codes are known, so forward references are fine.
      for (int i = 0; i < units.size(); i++) {
        checkMembers(units.get(i), label(i));
      }
      return problems;
    }

    private String label(int index) {
      String code = units.get(index).code();
      return "第" + (index + 1) + "项" + (code == null ? "" : "（code: " + code + "）");
    }

    private void checkCode(Unit unit, int index, String label) {
      String code = unit.code();
      if (code == null || code.isBlank()) {
        problems.add(label + "：缺少 code");
        return;
      }
      if (!CODE.matcher(code).matches()) {
        problems.add(label + "：code 只能由小写字母和数字组成");
      }
      if (RESERVED_CODES.contains(code)) {
        problems.add(label + "：code " + code + " 已被角色组占用");
      }
      Integer earlier = positionByCode.putIfAbsent(code, index);
      if (earlier != null) {
        problems.add(label + "：code 与第" + (earlier + 1) + "项重复");
      }
    }

    private void checkNames(Unit unit, int index, String label, Map<String, Integer> positionByName) {
      if (unit.name() == null || unit.name().isBlank()) {
        problems.add(label + "：缺少 name");
      }
      if (unit.aliases().stream().anyMatch(String::isBlank)) {
        problems.add(label + "：aliases 含空白项");
      }
      for (String form : writtenForms(unit)) {
        if (form.isEmpty()) {
          continue;
        }
        Integer earlier = positionByName.putIfAbsent(form, index);
        if (earlier != null && earlier != index) {
          problems.add(label + "：名称或别名「" + form + "」与第" + (earlier + 1) + "项重复");
        }
      }
    }

    private void checkConcrete(Unit unit, String label) {
      if (unit.email() == null || unit.email().isBlank()) {
        problems.add(label + "：缺少 email");
      } else if (!EMAIL.matcher(unit.email()).matches()) {
        problems.add(label + "：email 格式不正确：" + unit.email());
      }
      if (!unit.members().isEmpty() || unit.needsDesignation()) {
        problems.add(label + "：只有 COLLECTIVE 可以有 members 或 needsDesignation");
      }
    }

    private void checkCollectiveShape(Unit unit, String label) {
      if (unit.members().isEmpty() == !unit.needsDesignation()) {
        problems.add(label + "：集合名称须二选一：列出 members，或标记 needsDesignation: true");
      }
    }

    private void checkMembers(Unit unit, String label) {
      Set<String> seen = new HashSet<>();
      for (String member : unit.members()) {
        Integer position = positionByCode.get(member);
        if (position == null) {
          problems.add(label + "：成员 " + member + " 不在单位目录中");
        } else if (units.get(position).isCollective()) {
          problems.add(label + "：成员 " + member + " 是集合名称，成员必须是具体单位");
        }
        if (!seen.add(member)) {
          problems.add(label + "：成员 " + member + " 重复");
        }
      }
    }
  }

  private static Set<String> reservedCodes() {
    Set<String> codes = new HashSet<>(Set.of("demo", "admin"));
    for (Role role : Role.values()) {
      codes.add(role.groupId());
      role.demoLogin().ifPresent(codes::add);
    }
    return Set.copyOf(codes);
  }
}
