package duban.db;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index of ours on an engine table, for PostgreSQL. Camunda's authorization check joins each task to the user's
 * grants on AUTH.RESOURCE_ID_ in (task id, process key, '*'); with Materialize off (application-postgres.yaml) that is
 * one index probe per task, but the engine's index on RESOURCE_ID_ also returns every '*' grant of every group and
 * resource type (about seventy here), each read from the table and thrown away. This partial index holds only grants
 * on tasks and process definitions, which are all the task queries ask for (EXPLAIN ANALYZE of 本单位待办's count at
 * 32k open tasks: 108 → 55 ms; README, Performance).
 *
 * <p>Created here rather than in schema.sql: Spring runs schema.sql before the engine creates its tables, so on an
 * empty database the table does not exist yet. CONCURRENTLY, so a node starting beside a running one does not block
 * its writes; a failure is logged, never fatal (the index only speeds queries up).
 */
@Component
public class PostgresIndexes {

  private static final Logger log = LoggerFactory.getLogger(PostgresIndexes.class);

  static final String TASK_GRANTS = "create index concurrently if not exists duban_idx_auth_task_grant"
      + " on act_ru_authorization (resource_id_) where type_ < 2 and resource_type_ in (6, 7)";

  private final JdbcTemplate jdbc;

  PostgresIndexes(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Step 6 of {@code duban.startup.StartupSequence}. */
  public void run() {
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    if (!"PostgreSQL".equals(product)) {
      return;
    }
    try {
      jdbc.execute(TASK_GRANTS);
    } catch (DataAccessException e) {
      log.warn("Index duban_idx_auth_task_grant not created; task queries stay slower: {}", e.getMessage());
    }
  }
}
