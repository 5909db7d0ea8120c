package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes started at the same instant on an empty PostgreSQL, as after a cluster restart or in a rolling
 * deployment onto a new database: both become ready, and what the first start creates exists exactly once.
 */
@ExtendWith(Postgres.class)
class SimultaneousStartIT {

  @RepeatedTest(3)
  void twoNodesStartedTogetherOnAnEmptyDatabaseBothStartAndCreateEverythingOnce() throws Exception {
    Postgres.Database db = Postgres.newDatabase("together");
    try (ChildNode a = ChildNode.start("together-a", db, 0); ChildNode b = ChildNode.start("together-b", db, 0)) {
      CompletableFuture<Void> first = CompletableFuture.runAsync(() -> awaitStarted(a));
      CompletableFuture<Void> second = CompletableFuture.runAsync(() -> awaitStarted(b));
      CompletableFuture.allOf(first, second).join();
      assertThat(a.output() + b.output()).doesNotContain("ENGINE-03015");

      try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
        assertThat(count(c, "select count(*) from duban_plan")).isOne();
        assertThat(count(c, "select count(*) from act_ru_execution where parent_id_ is null"
            + " and business_key_ like 'JNSC2022-%'")).isEqualTo(67);
        assertThat(count(c, "select count(distinct business_key_) from act_hi_procinst"
            + " where business_key_ like 'JNSC2022-%'")).isEqualTo(67);
        assertThat(count(c, "select count(*) from act_hi_procinst where business_key_ like 'JNSC2022-%'"))
            .isEqualTo(67);
        assertThat(count(c, "select count(*) from act_id_group where id_ = 'supervision'")).isOne();
        assertThat(count(c, "select count(*) from act_id_user where id_ = 'supervisor'")).isOne();
        assertThat(count(c, "select count(*) from act_id_membership where user_id_ = 'jrj'")).isOne();
        // the standing grants and the Tasklist filters of the first start, not a second copy of them
        assertThat(count(c, "select count(*) from (select group_id_, user_id_, resource_type_, resource_id_"
            + " from act_ru_authorization group by group_id_, user_id_, resource_type_, resource_id_"
            + " having count(*) > 1) dup")).isZero();
        assertThat(count(c, "select count(*) from act_ru_filter")).isPositive();
        assertThat(count(c, "select count(*) from (select name_, owner_ from act_ru_filter"
            + " group by name_, owner_ having count(*) > 1) dup")).isZero();
        assertThat(count(c, "select count(*) from act_re_deployment")).isOne();
      }
    }
  }

  private static void awaitStarted(ChildNode node) {
    try {
      node.awaitStarted(Duration.ofMinutes(4));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

}
