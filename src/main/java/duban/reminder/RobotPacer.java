package duban.reminder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every robot under its limit (at most N messages in any window), counted in the database so that all nodes
 * share one count: the robot's row is locked while its recent sends are counted and the new one is written. A
 * robot that answered with a rate limit is left alone for a window.
 */
@Component
class RobotPacer {

  /**
   * Sends reach the robot a little after they are counted here; the slack keeps its count below ours. One second was
   * not always enough on a loaded two-core machine (TwoNodesIT: one post of 57 refused by a 20-in-5-seconds robot).
   */
  private static final Duration SLACK = Duration.ofSeconds(2);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final int messages;
  private final Duration window;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  RobotPacer(JdbcTemplate jdbc, PlatformTransactionManager transactions, ReminderSettings settings) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.messages = settings.robotPace().messages();
    this.window = settings.robotPace().window().plus(SLACK);
  }

  /** Takes one send for this robot now; null if granted, else the moment to try again. */
  Instant permit(String robot, Instant now) {
    ensureRow(robot);
    return ownTransaction.execute(s -> {
      Timestamp blocked = jdbc.queryForObject("select blocked_until from duban_robot_pace where robot = ? for update",
          Timestamp.class, robot);
      // a block or sends later than now (a clock set back) are no longer the robot's recent past
      if (blocked != null && blocked.toInstant().isAfter(now) && !blocked.toInstant().isAfter(now.plus(window))) {
        return blocked.toInstant();
      }
      jdbc.update("delete from duban_robot_send where robot = ? and (sent_at <= ? or sent_at > ?)", robot,
          Timestamp.from(now.minus(window)), Timestamp.from(now));
      List<Timestamp> recent = jdbc.queryForList(
          "select sent_at from duban_robot_send where robot = ? order by sent_at", Timestamp.class, robot);
      if (recent.size() >= messages) {
        return recent.get(recent.size() - messages).toInstant().plus(window);
      }
      jdbc.update("insert into duban_robot_send (robot, sent_at) values (?, ?)", robot, Timestamp.from(now));
      return null;
    });
  }

  /** The robot said it is getting too much: nothing goes to it for a window. */
  Instant block(String robot, Instant now) {
    ensureRow(robot);
    Instant until = now.plus(window);
    ownTransaction.executeWithoutResult(s -> jdbc.update(
        "update duban_robot_pace set blocked_until = ? where robot = ?", Timestamp.from(until), robot));
    return until;
  }

  private void ensureRow(String robot) {
    if (known.contains(robot)) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(s -> jdbc.update("insert into duban_robot_pace (robot) select ? where not exists"
          + " (select 1 from duban_robot_pace where robot = ?)", robot, robot));
    } catch (DataIntegrityViolationException anotherNodeWasFirst) {
      // the row is there, which is all we need
    }
    known.add(robot);
  }
}
