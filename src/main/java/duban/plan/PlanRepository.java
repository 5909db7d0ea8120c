package duban.plan;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Imported tables, kept as their source text: the text is the record, the typed plan is parsed from it. */
@Repository
class PlanRepository {

  record StoredPlan(String code, String title, String sourceText, LocalDateTime importedAt) {}

  private final JdbcTemplate jdbc;

  PlanRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredPlan> find(String code) {
    return jdbc.query("select code, title, source_text, imported_at from duban_plan where code = ?",
        (rs, i) -> new StoredPlan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime()),
        code).stream().findFirst();
  }

  List<StoredPlan> all() {
    return jdbc.query("select code, title, source_text, imported_at from duban_plan order by imported_at, code",
        (rs, i) -> new StoredPlan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime()));
  }

  void save(String code, String title, String sourceText, LocalDateTime importedAt) {
    jdbc.update("insert into duban_plan (code, title, source_text, imported_at) values (?, ?, ?, ?)",
        code, title, sourceText, Timestamp.valueOf(importedAt));
  }
}
