package duban.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digests and the messages that carry them, each step on a transaction of its own so that what was sent stays known
 * when a node dies. Gathering a digest is one transaction that takes its notices with an update on
 * {@code digest_id is null}: of two nodes gathering at once, each notice goes to one digest only.
 */
@Repository
class DispatchStore {

  static final String MAIL = "mail";
  static final String ROBOT = "robot";
  static final String SMS = "sms";

  /** A recipient's open notices of one rung. */
  record Group(String recipient, NoticeKind kind, Instant oldest, Instant newest) {}

  /** A notice as a digest lists it. */
  record Entry(String noticeId, String processInstanceId, String businessKey, Integer taskNumber, String taskTitle,
      LocalDate due, String situation, String subject, String body, boolean copy, String personName, String email,
      String phone) {}

  /** One message of a digest on one channel, with what it carries. */
  record Dispatch(String id, String digestId, String channel, String destination, String status, int attempts,
      int failures, boolean incident, String recipient, String subject, String body) {}

  /** One delivery of a notice, as GET /api/reminders shows it. */
  record Delivery(String recipient, String digestId, String subject, int tasks, String status) {}

  /** What a new digest is, worked out from its entries. */
  record Content(String subject, String body, List<String[]> channels) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

  DispatchStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  List<Group> openGroups(Instant now) {
    return jdbc.query("select recipient, kind, min(created_at) oldest, max(created_at) newest from duban_notice_target"
            + " where digest_id is null and deliver_after <= ? group by recipient, kind order by min(created_at)",
        (rs, i) -> new Group(rs.getString("recipient"), NoticeKind.valueOf(rs.getString("kind")),
            rs.getTimestamp("oldest").toInstant(), rs.getTimestamp("newest").toInstant()), Timestamp.from(now));
  }

  List<String> openNotices(Group group, Instant now) {
    return jdbc.queryForList("select notice_id from duban_notice_target where digest_id is null and recipient = ?"
            + " and kind = ? and deliver_after <= ? order by created_at", String.class, group.recipient(),
        group.kind().name(), Timestamp.from(now));
  }

  /**
   * Gathers up to {@code limit} of the group's open notices, oldest first (or only {@code noticeId}'s), into a new
   * digest with its messages; returns how many it took, 0 if another node took them first.
   */
  int gather(Group group, String noticeId, int limit, Instant now, Function<List<Entry>, Content> compose) {
    return ownTransaction.execute(tx -> {
      String id = UUID.randomUUID().toString();
      jdbc.update("insert into duban_digest (id, recipient, kind, tasks, subject, body, created_at, status)"
          + " values (?,?,?,0,'','',?,?)", id, group.recipient(), group.kind().name(), Timestamp.from(now), Notice.PENDING);
      Timestamp due = Timestamp.from(now);
      int taken = noticeId != null
          ? jdbc.update("update duban_notice_target set digest_id = ? where digest_id is null and recipient = ?"
              + " and kind = ? and deliver_after <= ? and notice_id = ?", id, group.recipient(), group.kind().name(), due,
              noticeId)
          : jdbc.update("update duban_notice_target set digest_id = ? where digest_id is null and recipient = ?"
              + " and kind = ? and deliver_after <= ? and notice_id in (select notice_id from duban_notice_target"
              + " where digest_id is null and recipient = ? and kind = ? and deliver_after <= ? order by created_at,"
              + " notice_id fetch first " + limit + " rows only)", id, group.recipient(), group.kind().name(), due,
              group.recipient(), group.kind().name(), due);
      if (taken == 0) {
        tx.setRollbackOnly();
        return 0;
      }
      List<Entry> entries = jdbc.query("select n.id, n.process_instance_id, n.business_key, n.task_number, n.task_title,"
          + " n.due_date, n.situation, n.subject, n.body, t.copy_only, t.person_name, t.email, t.phone"
          + " from duban_notice_target t join duban_notice n on n.id = t.notice_id where t.digest_id = ?"
          + " order by n.task_number, n.business_key", (rs, i) -> new Entry(rs.getString(1), rs.getString(2),
          rs.getString(3), (Integer) rs.getObject(4), rs.getString(5),
          rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
          rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getString(12), rs.getString(13)), id);
      Content content = compose.apply(entries);
      jdbc.update("update duban_digest set tasks = ?, subject = ?, body = ?, status = ? where id = ?", entries.size(),
          content.subject(), content.body(), content.channels().isEmpty() ? Notice.LOGGED : Notice.PENDING, id);
      for (String[] channel : content.channels()) {
        jdbc.update("insert into duban_dispatch (id, digest_id, channel, destination, seq, status, next_attempt, attempts,"
                + " failures, incident) values (?,?,?,?,?,?,?,0,0,?)", UUID.randomUUID().toString(), id, channel[0],
            channel[1], sequence.incrementAndGet(), Notice.PENDING, Timestamp.from(now), false);
      }
      if (content.channels().isEmpty()) {
        settleNotices(id, now);
      }
      return taken;
    });
  }

  /** Messages that may go out now, oldest first: pending ones whose time has come, and ones a dead sender left. */
  List<Dispatch> due(Instant now, Instant staleBefore, int limit) {
    return jdbc.query("select d.*, g.recipient, g.subject, g.body from duban_dispatch d join duban_digest g"
            + " on g.id = d.digest_id where (d.status = ? and d.next_attempt <= ?) or (d.status = ? and d.claimed_at <= ?)"
            + " order by d.seq fetch first " + limit + " rows only", this::dispatch,
        Notice.PENDING, Timestamp.from(now), Notice.SENDING, Timestamp.from(staleBefore));
  }

  /** Takes a message for sending; of two nodes only one wins. */
  boolean claim(String id, Instant now, Instant staleBefore) {
    return ownTransaction.execute(s -> jdbc.update("update duban_dispatch set status = ?, claimed_at = ?,"
            + " attempts = attempts + 1 where id = ? and ((status = ? and next_attempt <= ?) or (status = ? and claimed_at <= ?))",
        Notice.SENDING, Timestamp.from(now), id, Notice.PENDING, Timestamp.from(now), Notice.SENDING,
        Timestamp.from(staleBefore)) == 1);
  }

  /** Not now (office hours, the robot's pace): the message waits, unclaimed and unchanged otherwise. */
  void postpone(String id, Instant until) {
    ownTransaction.executeWithoutResult(s -> jdbc.update(
        "update duban_dispatch set next_attempt = ? where id = ? and status = ?", Timestamp.from(until), id, Notice.PENDING));
  }

  /** The message went out; its digest and notices are settled once all their messages have. */
  void sent(Dispatch d, Instant now) {
    String label = switch (d.channel()) {
      case ROBOT -> "hook:" + d.destination();
      case SMS -> "sms:" + d.destination();
      default -> "mail:" + d.destination();
    };
    ownTransaction.executeWithoutResult(s -> {
      jdbc.update("update duban_dispatch set status = ?, sent_at = ?, last_error = null where id = ?", Notice.SENT,
          Timestamp.from(now), d.id());
      jdbc.update("update duban_notice set channels = coalesce(channels, ',') || ? where id in (select notice_id from"
          + " duban_notice_target where digest_id = ?) and (channels is null or channels not like ?)", label + ",",
          d.digestId(), "%," + label + ",%");
      jdbc.update("update duban_digest set status = ? where id = ? and not exists (select 1 from duban_dispatch"
          + " where digest_id = ? and status <> ?)", Notice.SENT, d.digestId(), d.digestId(), Notice.SENT);
      settleNotices(d.digestId(), now);
    });
  }

  /** A notice is SENT (or LOGGED) once every one of its recipients' digests is. */
  private void settleNotices(String digestId, Instant now) {
    jdbc.update("update duban_notice set status = case when exists (select 1 from duban_notice_target t join duban_digest g"
        + " on g.id = t.digest_id where t.notice_id = duban_notice.id and g.status = ?) then ? else ? end, sent_at = ?,"
        + " last_error = null where id in (select notice_id from duban_notice_target where digest_id = ?)"
        + " and status <> ? and not exists (select 1 from duban_notice_target t left join duban_digest g on g.id = t.digest_id"
        + " where t.notice_id = duban_notice.id and (g.id is null or g.status not in (?, ?)))",
        Notice.SENT, Notice.SENT, Notice.LOGGED, Timestamp.from(now), digestId, Notice.SENT, Notice.SENT, Notice.LOGGED);
  }

  /** It failed: back to waiting until {@code next}, with the error kept on the message and its notices. */
  void failed(Dispatch d, String error, boolean countsAsFailure, boolean incident, Instant next) {
    String text = error.length() > 1000 ? error.substring(0, 1000) : error;
    ownTransaction.executeWithoutResult(s -> {
      jdbc.update("update duban_dispatch set status = ?, next_attempt = ?, last_error = ?, failures = failures + ?,"
              + " incident = ? where id = ?", Notice.PENDING, Timestamp.from(next), text, countsAsFailure ? 1 : 0,
          incident, d.id());
      jdbc.update("update duban_notice set last_error = ? where id in (select notice_id from duban_notice_target"
          + " where digest_id = ?)", text, d.digestId());
    });
  }

  List<String> processInstances(String digestId) {
    return jdbc.queryForList("select distinct n.process_instance_id from duban_notice_target t join duban_notice n"
        + " on n.id = t.notice_id where t.digest_id = ?", String.class, digestId);
  }

  List<Delivery> deliveries(String noticeId) {
    List<Delivery> out = new ArrayList<>();
    jdbc.query("select t.recipient, g.id, g.subject, g.tasks, g.status from duban_notice_target t"
        + " left join duban_digest g on g.id = t.digest_id where t.notice_id = ? order by t.recipient", rs -> {
          out.add(new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
              rs.getString(2) == null ? Notice.PENDING : rs.getString(5)));
        }, noticeId);
    return out;
  }

  private Dispatch dispatch(ResultSet rs, int row) throws SQLException {
    return new Dispatch(rs.getString("id"), rs.getString("digest_id"), rs.getString("channel"),
        rs.getString("destination"), rs.getString("status"), rs.getInt("attempts"), rs.getInt("failures"),
        rs.getBoolean("incident"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"));
  }
}
