package duban.bulletin;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Issued bulletins, in duban_bulletin: written once, read many times, never updated. */
@Component
class BulletinArchive {

  /** A bulletin as listed, without its document. */
  record Issued(String planCode, int serial, String period, String scheduledFor, Integer corrects, String title,
      LocalDate asOf, LocalDateTime issuedAt, String issuedBy) {}

  private static final String COLUMNS =
      "plan_code, serial, period, scheduled_for, corrects, title, as_of, issued_at, issued_by";

  private final JdbcTemplate jdbc;

  BulletinArchive(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  int nextSerial(String planCode) {
    return jdbc.queryForObject("select coalesce(max(serial), 0) + 1 from duban_bulletin where plan_code = ?",
        Integer.class, planCode);
  }

  /** Fails on a serial or scheduled period taken meanwhile (by another node): the caller's transaction rolls back. */
  void add(Issued issued, byte[] document) {
    jdbc.update("insert into duban_bulletin (" + COLUMNS + ", document) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        issued.planCode(), issued.serial(), issued.period(), issued.scheduledFor(), issued.corrects(),
        issued.title(), issued.asOf(), Timestamp.valueOf(issued.issuedAt()), issued.issuedBy(), document);
  }

  List<Issued> list(String planCode) {
    return jdbc.query("select " + COLUMNS + " from duban_bulletin where plan_code = ? order by serial",
        (rs, i) -> new Issued(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            (Integer) rs.getObject(5), rs.getString(6), rs.getDate(7).toLocalDate(),
            rs.getTimestamp(8).toLocalDateTime(), rs.getString(9)), planCode);
  }

  Optional<Issued> find(String planCode, int serial) {
    return list(planCode).stream().filter(b -> b.serial() == serial).findFirst();
  }

  boolean scheduled(String planCode, String period) {
    return jdbc.queryForObject("select count(*) from duban_bulletin where plan_code = ? and scheduled_for = ?",
        Integer.class, planCode, period) > 0;
  }

  Optional<byte[]> document(String planCode, int serial) {
    return jdbc.query("select document from duban_bulletin where plan_code = ? and serial = ?",
        (rs, i) -> rs.getBytes(1), planCode, serial).stream().findFirst();
  }

  /** The moment the latest bulletin before this serial was taken at: "closed since the last bulletin". */
  Optional<LocalDate> previousAsOf(String planCode, int serial) {
    return jdbc.query("select as_of from duban_bulletin where plan_code = ? and serial < ? order by serial desc",
        (rs, i) -> rs.getDate(1).toLocalDate(), planCode, serial).stream().findFirst();
  }
}
