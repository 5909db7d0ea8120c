package duban.cluster;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rows of duban_notice, read straight from the database the nodes share. */
final class Notices {

  record Row(String id, String dedupeKey, String kind, String businessKey, String subject, String body, String status,
      int attempts, Instant claimedAt, Instant sentAt, String channels) {}

  private Notices() {}

  static List<Row> all(JdbcTemplate jdbc) {
    return jdbc.query("select * from duban_notice order by created_at, id", (rs, i) -> new Row(rs.getString("id"),
        rs.getString("dedupe_key"), rs.getString("kind"), rs.getString("business_key"), rs.getString("subject"),
        rs.getString("body"), rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("claimed_at")),
        instant(rs.getTimestamp("sent_at")), rs.getString("channels")));
  }

  /** A digest (督办通知单) and its messages' claims. */
  record Digest(String id, String recipient, int tasks, String subject, String body, String status, int mailClaims,
      String address) {}

  static List<Digest> digests(JdbcTemplate jdbc) {
    return jdbc.query("select g.*, d.attempts mail_claims, d.destination address from duban_digest g join duban_dispatch d"
        + " on d.digest_id = g.id and d.channel = 'mail' order by g.created_at, g.id", (rs, i) -> new Digest(
        rs.getString("id"), rs.getString("recipient"), rs.getInt("tasks"), rs.getString("subject"), rs.getString("body"),
        rs.getString("status"), rs.getInt("mail_claims"), rs.getString("address")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
