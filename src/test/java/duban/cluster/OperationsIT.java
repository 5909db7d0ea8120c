package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operations sees of a node on PostgreSQL: health of the engine, the database and the job executor, and
 * Prometheus metrics with the work on hand; all behind the engine's logins except the bare liveness probe.
 */
@ExtendWith(Postgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {

  private static final LocalDateTime ISSUED = LocalDateTime.of(2022, 6, 1, 10, 0);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Node node;
  private Http http;

  @BeforeAll
  void start() {
    TestClock.runFrom(ISSUED);
    node = Node.start("ops", Postgres.newDatabase("ops"), "--duban.ops.metrics-refresh=PT0.5S");
    http = new Http(node.port());
    IdentityService identity = node.bean(IdentityService.class);
    User scraper = identity.newUser("prometheus");
    scraper.setPassword("demo");
    identity.saveUser(scraper);
    identity.createMembership("prometheus", "monitoring");
  }

  @AfterAll
  void stop() {
    node.close();
    TestClock.reset();
  }

  @Test
  void onlyTheBareLivenessProbeIsOpenTheRestNeedsAMonitoringLogin() throws Exception {
    HttpResponse<String> liveness = http.send(null, "GET", "/actuator/health/liveness", null);
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(liveness.body()).get("status").asText()).isEqualTo("UP");
    assertThat(liveness.body()).doesNotContain("postgres", "jobExecutor");

    for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"}) {
      assertThat(http.send(null, "GET", path, null).statusCode()).as("anonymous %s", path).isEqualTo(401);
      HttpResponse<String> unit = http.send("kx", "GET", path, null);
      assertThat(unit.statusCode()).as("unit staff %s", path).isEqualTo(403);
      assertThat(unit.body()).contains("monitoring");
      assertThat(http.send("prometheus", "GET", path, null).statusCode()).as("monitoring %s", path).isEqualTo(200);
      assertThat(http.send("demo", "GET", path, null).statusCode()).as("admin %s", path).isEqualTo(200);
    }
    assertThat(http.send("prometheus", "GET", "/engine-rest/task", null).statusCode())
        .as("a monitoring login sees no tasks").isEqualTo(200);
    assertThat(http.send("prometheus", "GET", "/engine-rest/task/count", null).body()).contains("\"count\":0");
  }

  @Test
  void healthCoversTheEngineTheDatabaseAndTheJobExecutor() throws Exception {
    JsonNode health = JSON.readTree(http.send("prometheus", "GET", "/actuator/health", null).body());
    assertThat(health.get("status").asText()).isEqualTo("UP");
    JsonNode parts = health.get("components");
    assertThat(parts.get("db").get("status").asText()).isEqualTo("UP");
    assertThat(parts.get("db").get("details").get("database").asText()).isEqualTo("PostgreSQL");
    assertThat(parts.get("processEngine").get("status").asText()).isEqualTo("UP");
    assertThat(parts.get("jobExecutor").get("status").asText()).isEqualTo("UP");
    assertThat(parts.get("jobExecutor").get("details").get("jobExecutor").get("lockOwner").asText()).isNotBlank();
    JsonNode readiness = JSON.readTree(http.send("prometheus", "GET", "/actuator/health/readiness", null).body());
    assertThat(readiness.get("components")).isNotNull();
    assertThat(readiness.get("components").has("db")).isTrue();

    // a node whose job executor stopped is unhealthy; it is still alive
    node.jobExecutor().shutdown();
    try {
      HttpResponse<String> down = http.send("prometheus", "GET", "/actuator/health", null);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(down.body()).get("components").get("jobExecutor").get("status").asText()).isEqualTo("DOWN");
      assertThat(http.send(null, "GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    } finally {
      node.jobExecutor().start();
    }
    assertThat(http.send("prometheus", "GET", "/actuator/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void prometheusShowsOpenAndOverdueTasksAndIncidents() throws Exception {
    TaskService tasks = node.bean(TaskService.class);
    long open = tasks.createTaskQuery().count();
    assertThat(open).isGreaterThanOrEqualTo(67);
    Await.until(Duration.ofSeconds(20), "gauges counted", () -> gauge("duban_tasks_open") == open);
    assertThat(gauge("duban_tasks_overdue")).isZero();
    assertThat(gauge("duban_incidents_open")).isZero();

    // two weeks on, the 3-working-day 签收 limits have passed; and something went wrong somewhere
    TestClock.runFrom(ISSUED.plusDays(14));
    RuntimeService runtime = node.bean(RuntimeService.class);
    String execution = tasks.createTaskQuery().processInstanceBusinessKey("JNSC2022-6").list().get(0).getExecutionId();
    runtime.createIncident("duban-test", execution, "ops test", "测试用的事件");
    long overdue = tasks.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count();
    assertThat(overdue).isPositive();
    Await.until(Duration.ofSeconds(20), "gauges counted again",
        () -> gauge("duban_tasks_overdue") == overdue && gauge("duban_incidents_open") == 1);

    String scrape = http.send("prometheus", "GET", "/actuator/prometheus", null).body();
    assertThat(scrape).contains("# HELP duban_tasks_overdue", "duban_submissions_retries_total", "jvm_memory_used_bytes",
        "hikaricp_connections_active", "application=\"duban\"");
  }

  private double gauge(String name) {
    try {
      String scrape = http.send("prometheus", "GET", "/actuator/prometheus", null).body();
      Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(scrape);
      return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
