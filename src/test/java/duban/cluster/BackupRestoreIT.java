package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import duban.supervision.LifecycleDriver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A backup of a running deployment with pg_dump, restored with pg_restore into a fresh database, as README,
 * Operations describes: a node started on the copy has every instance, task, timer and duban row in place and works
 * on. The server is PostgreSQL 15 (embedded binaries copied by the build), because Debian 12's pg_dump is 15.
 */
class BackupRestoreIT {

  /** What must survive the round trip, one query a kind, each answer in a fixed order. */
  private static final Map<String, String> STATE = Map.of(
      "instances", "select id_ || ' ' || business_key_ from act_ru_execution where parent_id_ is null order by id_",
      "tasks", "select id_ || ' ' || name_ || ' ' || coalesce(assignee_, '-') from act_ru_task order by id_",
      "timers and jobs", "select id_ || ' ' || type_ || ' ' || coalesce(cast(duedate_ as varchar), '-')"
          + " from act_ru_job order by id_",
      "variables", "select count(*) from act_ru_variable",
      "grants", "select count(*) from act_ru_authorization",
      "plans", "select code || ' ' || title from duban_plan order by code",
      "notices", "select id || ' ' || status from duban_notice order by id",
      "history", "select count(*) from act_hi_procinst");

  @Test
  void aDumpOfARunningDeploymentRestoresIntoAFreshDatabaseWithEveryInstanceTaskAndTimer() throws Exception {
    requireTool("pg_dump");
    requireTool("pg_restore");
    try (EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setPgBinaryResolver((system, machine) -> postgres15Binaries())
        .setServerConfig("fsync", "off").start()) {
      Postgres.Database live = create(server, "live");
      Postgres.Database restored = create(server, "restored");
      Path dump = Files.createDirectories(Path.of("target", "cluster")).resolve("live.dump");
      Map<String, List<String>> before;
      try (Node node = Node.start("live", live, "--camunda.bpm.job-execution.enabled=false")) {
        LifecycleDriver driver = new LifecycleDriver(node.context());
        // some work done, so the copy holds tasks in several states: 签收 answered on a few tasks
        driver.drive("JNSC2022-3", 1, 0, task -> true);
        before = state(live);
        assertThat(before.get("instances")).hasSize(67);
        assertThat(before.get("timers and jobs")).isNotEmpty();
        run(server, "pg_dump", "-Fc", "-f", dump.toString(), live.name());
      }
      run(server, "pg_restore", "--no-owner", "-d", restored.name(), dump.toString());
      assertThat(state(restored)).isEqualTo(before);

      try (Node node = Node.start("restored", restored, "--camunda.bpm.job-execution.enabled=false")) {
        assertThat(state(restored).get("instances")).as("no second import").isEqualTo(before.get("instances"));
        TaskService taskService = node.bean(TaskService.class);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-6").list().get(0);
        new LifecycleDriver(node.context()).complete(task);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
      }
    }
  }

  private static InputStream postgres15Binaries() throws IOException {
    String jar = System.getProperty("duban.test.postgres15", "target/postgres-15/postgres-15-binaries.jar");
    ZipFile zip = new ZipFile(new File(jar));
    return zip.getInputStream(zip.getEntry("postgres-linux-x86_64.txz"));
  }

  private static Postgres.Database create(EmbeddedPostgres server, String name) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    return new Postgres.Database(name, "jdbc:postgresql://localhost:" + server.getPort() + "/" + name,
        "postgres", "postgres");
  }

  private static Map<String, List<String>> state(Postgres.Database db) throws SQLException {
    Map<String, List<String>> state = new java.util.TreeMap<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      for (Map.Entry<String, String> query : STATE.entrySet()) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query.getValue())) {
          while (r.next()) {
            rows.add(r.getString(1));
          }
        }
        state.put(query.getKey(), rows);
      }
    }
    return state;
  }

  private static void run(EmbeddedPostgres server, String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(tool, "-h", "localhost", "-p", String.valueOf(server.getPort()),
        "-U", "postgres"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(tool + " finished").isTrue();
    assertThat(process.exitValue()).as(tool + ": " + out).isZero();
  }

  private static void requireTool(String tool) throws Exception {
    Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
    if (which.waitFor() != 0) {
      throw new IllegalStateException(tool + " is missing: apt-get install postgresql-client (.ci/run does)");
    }
  }
}
