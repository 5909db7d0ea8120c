package duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Five wrong passwords lock an account for 30 minutes, over the REST API's HTTP Basic and the webapps' login alike;
 * the engine's clock is moved to see it open again by itself; an administrator can open it at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:security-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@Import(Canary.Registration.class)
class AccountLockoutTest {

  private static final String PASSWORD = "Right#2026";
  private static final Instant START = Instant.parse("2026-12-02T01:00:00Z"); // a Wednesday, 09:00 in Jinan

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String newUnitUser(String id) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, "jrj");
    return id;
  }

  private void at(Duration sinceStart) {
    ClockUtil.setCurrentTime(Date.from(START.plus(sinceStart)));
  }

  private int basic(String user, String password) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/count"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private int post(String asUser, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((asUser + ":demo").getBytes()))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** Five failures, each after the engine's pause from the one before has passed. */
  private void failFiveTimes(java.util.function.IntSupplier attempt) {
    for (int i = 0; i < 5; i++) {
      at(Duration.ofMinutes(2L * i));
      assertThat(attempt.getAsInt()).as("wrong password %d", i + 1).isEqualTo(401);
    }
  }

  @Test
  void fiveWrongPasswordsOverBasicLockAnAccountForThirtyMinutesThenItOpensByItself() throws Exception {
    String user = newUnitUser("lockrest");
    try {
      at(Duration.ZERO);
      assertThat(basic(user, PASSWORD)).isEqualTo(200);
      failFiveTimes(() -> call(() -> basic(user, "wrong")));
      // locked at minute 8: the right password is refused until minute 38
      at(Duration.ofMinutes(37));
      assertThat(basic(user, PASSWORD)).isEqualTo(401);
      at(Duration.ofMinutes(39));
      assertThat(basic(user, PASSWORD)).isEqualTo(200);
      // the count starts afresh: one more wrong password pauses, it does not lock again for half an hour
      assertThat(basic(user, "wrong")).isEqualTo(401);
      at(Duration.ofMinutes(41));
      assertThat(basic(user, PASSWORD)).isEqualTo(200);

      List<Map<String, Object>> notices = jdbc.queryForList(
          "select subject, body, to_units, cc_units from duban_notice where business_key = ?", "account:" + user);
      assertThat(notices).hasSize(1);
      assertThat(notices.get(0).get("TO_UNITS").toString()).contains("jrj");
      assertThat(notices.get(0).get("CC_UNITS").toString()).contains("camunda-admin");
      assertThat(notices.get(0).get("SUBJECT").toString()).isEqualTo("【账号安全】账号 lockrest 已临时锁定");
      assertThat(notices.get(0).get("BODY").toString()).contains("市地方金融监管局").contains("系统管理员")
          .contains("连续 5 次密码错误").contains("2026-12-02 09:08").contains("2026-12-02 09:38 自动解锁");
    } finally {
      identityService.deleteUser(user);
    }
  }

  @Test
  void fiveWrongPasswordsAtTheWebappLoginLockTheAccountAndAnAdminUnlocksItAtOnce() throws Exception {
    String user = newUnitUser("lockweb");
    try {
      WebappSessionClient tasklist = new WebappSessionClient(port);
      failFiveTimes(() -> call(() -> tasklist.login(user, "wrong")));
      at(Duration.ofMinutes(10));
      assertThat(tasklist.login(user, PASSWORD)).isEqualTo(401);
      assertThat(basic(user, PASSWORD)).as("the lock holds for the REST API too").isEqualTo(401);

      // a unit may not unlock; the admin may, in Admin (the webapps' API) or over REST
      assertThat(post("kx", "/engine-rest/user/" + user + "/unlock")).isEqualTo(403);
      WebappSessionClient admin = new WebappSessionClient(port);
      assertThat(admin.login("demo", "demo")).isEqualTo(200);
      assertThat(admin.postJson("/camunda/api/engine/engine/default/user/" + user + "/unlock", "").statusCode())
          .isEqualTo(204);
      assertThat(tasklist.login(user, PASSWORD)).isEqualTo(200);

      failFiveTimes(() -> call(() -> basic(user, "wrong")));
      at(Duration.ofMinutes(10));
      assertThat(basic(user, PASSWORD)).isEqualTo(401);
      assertThat(post("demo", "/engine-rest/user/" + user + "/unlock")).isEqualTo(204);
      assertThat(basic(user, PASSWORD)).isEqualTo(200);
    } finally {
      identityService.deleteUser(user);
    }
  }

  private interface Call {
    int run() throws Exception;
  }

  private static int call(Call call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
