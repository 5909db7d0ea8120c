package duban.unit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Units and aliases added at run time; seeds/units.yaml holds the rest. */
@Repository
class UnitStore {

  private final JdbcTemplate jdbc;

  UnitStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Unit> units() {
    return jdbc.query("select code, name, kind, email from duban_unit order by created_at, code",
        (rs, i) -> new Unit(rs.getString(1), rs.getString(2), List.of(), UnitKind.valueOf(rs.getString(3)),
            rs.getString(4), List.of(), false));
  }

  /** Unit code → the aliases added to it, in the order they were added. */
  Map<String, List<String>> aliases() {
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    jdbc.query("select alias, code from duban_unit_alias order by created_at, alias",
        rs -> {
          aliases.computeIfAbsent(rs.getString(2), c -> new ArrayList<>()).add(rs.getString(1));
        });
    return aliases;
  }

  void insert(Unit unit, String by, Instant at) {
    jdbc.update("insert into duban_unit (code, name, kind, email, created_by, created_at) values (?, ?, ?, ?, ?, ?)",
        unit.code(), unit.name(), unit.kind().name(), unit.email(), by, Timestamp.from(at));
  }

  void insertAlias(String alias, String code, String by, Instant at) {
    jdbc.update("insert into duban_unit_alias (alias, code, created_by, created_at) values (?, ?, ?, ?)",
        alias, code, by, Timestamp.from(at));
  }

  /** The shipped units with what was added at run time: new units appended, aliases merged into their unit. */
  List<Unit> mergeInto(List<Unit> shipped) {
    List<Unit> merged = new ArrayList<>(shipped);
    for (Unit added : units()) {
      if (merged.stream().noneMatch(u -> u.code().equals(added.code()))) {
        merged.add(added);
      }
    }
    Map<String, List<String>> aliases = aliases();
    merged.replaceAll(unit -> {
      List<String> extra = aliases.getOrDefault(unit.code(), List.of());
      if (extra.isEmpty()) {
        return unit;
      }
      List<String> all = new ArrayList<>(unit.aliases());
      extra.stream().filter(a -> !all.contains(a) && !a.equals(unit.name())).forEach(all::add);
      return new Unit(unit.code(), unit.name(), all, unit.kind(), unit.email(), unit.members(),
          unit.needsDesignation());
    });
    return merged;
  }
}
