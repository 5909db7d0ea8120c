package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import duban.supervision.LifecycleDriver;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on PostgreSQL as the {@code postgres} profile runs it: the engine creates its schema, duban's
 * tables come from schema.sql, the seed is imported on start-up, the job executor runs, and all 67 tasks are worked to
 * 办结销号 through their forms.
 */
@ExtendWith(Postgres.class)
class PostgresLifecycleIT {

  @Test
  void importsTheSeedAndDrivesEveryTaskToSignOffOnPostgres() throws Exception {
    Postgres.Database db = Postgres.newDatabase("lifecycle");
    try (Node node = Node.start("lifecycle", db)) {
      assertThat(node.bean(ProcessEngineConfigurationImpl.class).getDatabaseType()).isEqualTo("postgres");
      JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
      assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'"
          + " and table_name like 'duban%'", String.class))
          .contains("duban_plan", "duban_notice", "duban_calendar_day", "duban_setting", "duban_notice_target",
              "duban_digest", "duban_dispatch", "duban_robot_pace", "duban_robot_send");
      assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = 'public'"
          + " and table_name like 'act_%'", Integer.class)).isGreaterThan(40);
      assertThat(jdbc.queryForObject("select count(*) from duban_plan where code = 'JNSC2022'", Integer.class)).isOne();

      // duban's own tables through their APIs: the calendar ("day" is a keyword in H2, a plain name here)
      Http http = new Http(node.port());
      assertThat(http.send("demo", "PUT", "/api/calendar/days/2026-12-31", "{\"type\":\"HOLIDAY\",\"name\":\"测试\"}")
          .statusCode()).isEqualTo(200);
      assertThat(http.send("kx", "GET", "/api/calendar/2026", null).body()).contains("2026-12-31", "测试");
      assertThat(http.send("demo", "GET", "/api/plans", null).body()).contains("JNSC2022");

      RuntimeService runtimeService = node.bean(RuntimeService.class);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("JNSC2022-%").count())
          .isEqualTo(67);
      LifecycleDriver driver = new LifecycleDriver(node.context());

      // the filter check runs once: it is the same on every round, and slow with 80 users
      LifecycleDriver.Result result = driver.drive("JNSC2022-", 20, 1, task -> true);

      driver.assertAllSignedOff("JNSC2022", 67, result);
      assertThat(runtimeService.createIncidentQuery().count()).isZero();
      assertThat(node.bean(HistoryService.class).createHistoricJobLogQuery().successLog().hostname("lifecycle").count())
          .as("jobs the node's executor ran").isPositive();
      // what a year of history costs (README, Operations): rows and bytes of the history tables per ended instance
      long rows = 0;
      for (String table : java.util.List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
          "act_hi_detail", "act_hi_identitylink", "act_hi_comment", "act_hi_incident", "act_hi_job_log",
          "act_hi_op_log")) {
        rows += jdbc.queryForObject("select count(*) from " + table, Long.class);
      }
      Long bytes = jdbc.queryForObject("select sum(pg_total_relation_size(c.oid)) from pg_class c"
          + " where c.relkind = 'r' and c.relname like 'act_hi_%'", Long.class);
      Long bytearrays = jdbc.queryForObject("select pg_total_relation_size('act_ge_bytearray')", Long.class);
      System.out.printf("PostgresLifecycleIT: history %d rows, %d bytes in act_hi_* (act_ge_bytearray %d) for 67"
          + " ended instances%n", rows, bytes, bytearrays);
      System.out.printf("PostgresLifecycleIT: %d tasks completed in %d rounds, %.0f submits tried again%n",
          result.completed(), result.rounds(), retries(node));
    }
  }

  static double retries(Node node) {
    return node.bean(MeterRegistry.class).get("duban.submissions.retries").counter().count();
  }

}
