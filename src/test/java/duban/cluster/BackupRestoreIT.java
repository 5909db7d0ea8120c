package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import duban.supervision.LifecycleDriver;
import duban.supervision.SupervisionProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * on, and a unit's 佐证材料 comes back byte for byte. The server is PostgreSQL 15 (embedded binaries copied by the build), because Debian 12's pg_dump is 15.
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
      "history", "select count(*) from act_hi_procinst",
      "evidence", "select id || ' ' || name || ' ' || sha256 || ' ' || size_bytes from duban_evidence order by id",
      "evidence content", "select evidence_id || ' ' || seq || ' ' || md5(data) from duban_evidence_chunk"
          + " order by evidence_id, seq");

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
      String unit;
      String evidenceId;
      // no job executor and no delivery round: nothing changes the state between its reading and the dump
      try (Node node = Node.start("live", live, "--camunda.bpm.job-execution.enabled=false",
          "--duban.reminders.dispatch-interval=PT24H")) {
        LifecycleDriver driver = new LifecycleDriver(node.context());
        // some work done, so the copy holds tasks in several states: 签收 answered on a few tasks
        driver.drive("JNSC2022-3", 1, 0, task -> true);
        // and a unit's 佐证材料 on a report (the step that takes it)
        Task open = node.bean(TaskService.class).createTaskQuery()
            .taskDefinitionKey(SupervisionProcess.SUBMIT_REPORT).list().get(0);
        unit = driver.userFor(open);
        evidenceId = upload(node.port(), unit, open.getId(), PDF);
        before = state(live);
        assertThat(before.get("evidence")).hasSize(1);
        assertThat(before.get("instances")).hasSize(67);
        assertThat(before.get("timers and jobs")).isNotEmpty();
        run(server, "pg_dump", "-Fc", "-f", dump.toString(), live.name());
      }
      run(server, "pg_restore", "--no-owner", "-d", restored.name(), dump.toString());
      assertThat(state(restored)).isEqualTo(before);

      try (Node node = Node.start("restored", restored, "--camunda.bpm.job-execution.enabled=false",
          "--duban.reminders.dispatch-interval=PT24H")) {
        assertThat(state(restored).get("instances")).as("no second import").isEqualTo(before.get("instances"));
        TaskService taskService = node.bean(TaskService.class);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("JNSC2022-6").list().get(0);
        new LifecycleDriver(node.context()).complete(task);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + node.port() + "/api/evidence/" + evidenceId))
            .header("Authorization", basic(unit)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).as("the file, byte for byte").isEqualTo(PDF);
      }
    }
  }

  private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
      + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  /** POST /api/tasks/{id}/evidence as Tasklist's 佐证材料 tab sends it; returns the file's id. */
  private static String upload(int port, String user, String taskId, byte[] content) throws Exception {
    String boundary = "----dubanBackupBoundary";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"会议纪要.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/tasks/" + taskId + "/evidence"))
        .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("id").asText();
  }

  private static String basic(String user) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
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
