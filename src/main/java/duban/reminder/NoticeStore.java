package duban.reminder;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The application's record of every notice and its recipients. Recording joins the engine's transaction (a check
 * that rolls back records nothing); delivery is {@link DispatchStore}'s, on transactions of its own.
 */
@Repository
class NoticeStore {

  /** A recipient of a notice: {@code unit:<code>} or {@code person:<name>/<phone>/<email>}, in copy or not. */
  record Target(String recipient, boolean copy, String personName, String email, String phone) {

    static Target unit(String code, boolean copy) {
      return new Target("unit:" + code, copy, null, null, null);
    }

    boolean isUnit() {
      return recipient.startsWith("unit:");
    }

    String unit() {
      return recipient.substring("unit:".length());
    }
  }

  private final JdbcTemplate jdbc;

  NoticeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String dedupeKey) {
    return jdbc.queryForObject("select count(*) from duban_notice where dedupe_key = ?", Integer.class, dedupeKey) > 0;
  }

  void add(Notice n, Integer taskNumber, String taskTitle, LocalDate due, String situation, List<Target> targets) {
    jdbc.update("insert into duban_notice (id, dedupe_key, kind, business_key, process_instance_id, to_units, cc_units,"
            + " subject, body, deliver_after, created_at, status, attempts, task_number, task_title, due_date, situation)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?)",
        n.id(), n.dedupeKey(), n.kind().name(), n.businessKey(), n.processInstanceId(), codes(n.toUnits()),
        codes(n.ccUnits()), n.subject(), n.body(), Timestamp.from(n.deliverAfter()), Timestamp.from(n.createdAt()),
        Notice.PENDING, taskNumber, taskTitle, due == null ? null : Date.valueOf(due), situation);
    jdbc.batchUpdate("insert into duban_notice_target (notice_id, recipient, kind, copy_only, person_name, email, phone,"
            + " deliver_after, created_at) values (?,?,?,?,?,?,?,?,?)", targets, targets.size(), (ps, t) -> {
          ps.setString(1, n.id());
          ps.setString(2, t.recipient());
          ps.setString(3, n.kind().name());
          ps.setBoolean(4, t.copy());
          ps.setString(5, t.personName());
          ps.setString(6, t.email());
          ps.setString(7, t.phone());
          ps.setTimestamp(8, Timestamp.from(n.deliverAfter()));
          ps.setTimestamp(9, Timestamp.from(n.createdAt()));
        });
  }

  Notice get(String id) {
    return jdbc.queryForObject("select * from duban_notice where id = ?", this::notice, id);
  }

  List<Notice> find(String unit, String businessKey) {
    StringBuilder sql = new StringBuilder("select * from duban_notice where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (unit != null) {
      sql.append(" and (to_units like ? or cc_units like ?)");
      args.add("%," + unit + ",%");
      args.add("%," + unit + ",%");
    }
    if (businessKey != null) {
      sql.append(" and business_key = ?");
      args.add(businessKey);
    }
    sql.append(" order by created_at, business_key");
    return jdbc.query(sql.toString(), this::notice, args.toArray());
  }

  private Notice notice(ResultSet rs, int row) throws SQLException {
    return new Notice(rs.getString("id"), rs.getString("dedupe_key"), NoticeKind.valueOf(rs.getString("kind")),
        rs.getString("business_key"), rs.getString("process_instance_id"), list(rs.getString("to_units")),
        list(rs.getString("cc_units")), rs.getString("subject"), rs.getString("body"),
        rs.getTimestamp("deliver_after").toInstant(), rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
        rs.getInt("attempts"), rs.getString("last_error"),
        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
        Set.copyOf(list(rs.getString("channels") == null ? "," : rs.getString("channels"))));
  }

  /** Codes stored as ",a,b," so a unit's notices are found with one LIKE. */
  private static String codes(List<String> units) {
    return units.isEmpty() ? "," : "," + String.join(",", units) + ",";
  }

  private static List<String> list(String codes) {
    return Arrays.stream(codes.split(",")).filter(s -> !s.isBlank()).toList();
  }
}
