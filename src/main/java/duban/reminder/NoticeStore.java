package duban.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's record of every notice. Recording joins the engine's transaction (a check that rolls back records
 * nothing); claiming and marking delivery commit on their own, so a delivery that happened stays known even when the
 * job around it fails.
 */
@Repository
class NoticeStore {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  NoticeStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  boolean exists(String dedupeKey) {
    return jdbc.queryForObject("select count(*) from duban_notice where dedupe_key = ?", Integer.class, dedupeKey) > 0;
  }

  void add(Notice n) {
    jdbc.update("insert into duban_notice (id, dedupe_key, kind, business_key, process_instance_id, to_units, cc_units,"
            + " subject, body, deliver_after, created_at, status, attempts) values (?,?,?,?,?,?,?,?,?,?,?,?,0)",
        n.id(), n.dedupeKey(), n.kind().name(), n.businessKey(), n.processInstanceId(), codes(n.toUnits()),
        codes(n.ccUnits()), n.subject(), n.body(), Timestamp.from(n.deliverAfter()), Timestamp.from(n.createdAt()),
        Notice.PENDING);
  }

  /**
   * The notices of an instance that may go out now: pending ones whose time has come, and ones a sender took before
   * {@code staleBefore} and never finished (its node died: see {@link ReminderSettings#claimTimeout()}).
   */
  List<Notice> due(String processInstanceId, Instant now, Instant staleBefore) {
    return jdbc.query("select * from duban_notice where process_instance_id = ? and ((status = ? and deliver_after <= ?)"
            + " or (status = ? and claimed_at <= ?)) order by created_at", this::notice, processInstanceId,
        Notice.PENDING, Timestamp.from(now), Notice.SENDING, Timestamp.from(staleBefore));
  }

  /** Notices anywhere that became due before the given moment, or whose sender's claim went stale. */
  List<Notice> dueBefore(Instant moment, Instant staleBefore) {
    return jdbc.query("select * from duban_notice where (status = ? and deliver_after <= ?)"
            + " or (status = ? and claimed_at <= ?) order by created_at", this::notice,
        Notice.PENDING, Timestamp.from(moment), Notice.SENDING, Timestamp.from(staleBefore));
  }

  Notice get(String id) {
    return jdbc.queryForObject("select * from duban_notice where id = ?", this::notice, id);
  }

  /**
   * The earliest moment a notice of this instance may go out: a pending one's time, or when a claim still held by a
   * sender expires. Null if none is waiting.
   */
  Instant earliestPending(String processInstanceId, Duration claimTimeout) {
    Timestamp pending = jdbc.queryForObject("select min(deliver_after) from duban_notice where process_instance_id = ?"
        + " and status = ?", Timestamp.class, processInstanceId, Notice.PENDING);
    Timestamp claimed = jdbc.queryForObject("select min(claimed_at) from duban_notice where process_instance_id = ?"
        + " and status = ?", Timestamp.class, processInstanceId, Notice.SENDING);
    Instant claimExpires = claimed == null ? null : claimed.toInstant().plus(claimTimeout);
    if (pending == null) {
      return claimExpires;
    }
    return claimExpires == null || pending.toInstant().isBefore(claimExpires) ? pending.toInstant() : claimExpires;
  }

  /**
   * Takes a notice for delivery: a pending one, or one whose sender took it before {@code staleBefore}. One atomic
   * update, so of two workers only one wins; false for the loser.
   */
  boolean claim(String id, Instant now, Instant staleBefore) {
    return ownTransaction.execute(s -> jdbc.update("update duban_notice set status = ?, claimed_at = ?,"
            + " attempts = attempts + 1 where id = ? and (status = ? or (status = ? and claimed_at <= ?))",
        Notice.SENDING, Timestamp.from(now), id, Notice.PENDING, Notice.SENDING, Timestamp.from(staleBefore)) == 1);
  }

  /** One channel carried the notice; committed at once, so whoever sends it next skips that channel. */
  void channelDone(String id, String channel) {
    ownTransaction.executeWithoutResult(s -> jdbc.update(
        "update duban_notice set channels = coalesce(channels, ',') || ? where id = ?", channel + ",", id));
  }

  void delivered(String id, String status, Instant now) {
    ownTransaction.executeWithoutResult(s -> jdbc.update(
        "update duban_notice set status = ?, sent_at = ?, last_error = null where id = ?", status, Timestamp.from(now), id));
  }

  void failed(String id, String error) {
    ownTransaction.executeWithoutResult(s -> jdbc.update(
        "update duban_notice set status = ?, last_error = ? where id = ?", Notice.PENDING,
        error.length() > 1000 ? error.substring(0, 1000) : error, id));
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
