package duban.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/** Waiting, bounded, for what the job executors do in the background. */
final class Await {

  private Await() {}

  static void until(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(200);
    }
  }

  /** Until no job is due and no notice is waiting to go out, twice in a row (a job may be creating the next one). */
  static void quiet(Node node, Duration timeout) throws InterruptedException {
    ManagementService management = node.bean(ManagementService.class);
    JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
    BooleanSupplier idle = () -> management.createJobQuery().executable().count() == 0
        && jdbc.queryForObject("select count(*) from duban_notice where status = 'SENDING'"
            + " or (status = 'PENDING' and deliver_after <= ?)", Integer.class,
            Timestamp.from(ClockUtil.getCurrentTime().toInstant())) == 0
        && jdbc.queryForObject("select count(*) from duban_dispatch where status = 'SENDING'"
            + " or (status = 'PENDING' and next_attempt <= ?)", Integer.class,
            Timestamp.from(ClockUtil.getCurrentTime().toInstant())) == 0;
    until(timeout, "jobs and notices of " + node.name + " all done", () -> {
      if (!idle.getAsBoolean()) {
        return false;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
      return idle.getAsBoolean();
    });
  }
}
