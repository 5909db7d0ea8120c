package duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import duban.DubanApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The prod profile as an operator starts it: settings from the environment, refusals before the database. */
class ProductionProfileTest {

  private static final String STRONG = "Jn-Duban#2026-Secure";

  @TempDir Path dir;

  private ConfigurableApplicationContext start(String... settings) {
    String[] base = {"--spring.profiles.active=prod", "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("prod").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"};
    String[] args = new String[base.length + settings.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(settings, 0, args, base.length, settings.length);
    return new SpringApplicationBuilder(DubanApplication.class).run(args);
  }

  private boolean databaseTouched() throws Exception {
    try (var files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("prod"));
    }
  }

  @Test
  void refusesToStartWithoutAnAdminPasswordBeforeTouchingTheDatabase() throws Exception {
    assertThatThrownBy(this::start).hasMessageContaining("DUBAN_ADMIN_PASSWORD").hasMessageContaining("缺少管理员密码");
    assertThat(databaseTouched()).isFalse();
  }

  @Test
  void refusesToStartWithAWeakAdminPasswordSayingWhy() throws Exception {
    assertThatThrownBy(() -> start("--DUBAN_ADMIN_PASSWORD=jinan2026"))
        .hasMessageContaining("太弱").hasMessageContaining("大写字母").hasMessageContaining("特殊字符");
    assertThatThrownBy(() -> start("--DUBAN_ADMIN_USER=chief", "--DUBAN_ADMIN_PASSWORD=Chief#2026-Jinan"))
        .hasMessageContaining("不得包含账号名");
    assertThat(databaseTouched()).isFalse();
  }

  @Test
  void runsWithoutDemoUsersBehindSecureCookiesAndHeaders() throws Exception {
    try (ConfigurableApplicationContext app = start("--DUBAN_ADMIN_USER=chief", "--DUBAN_ADMIN_PASSWORD=" + STRONG)) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userId("kx").count()).isZero();
      assertThat(identity.createUserQuery().userId("demo").count()).isZero();
      assertThat(identity.createUserQuery().userId("chief").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
      assertThat(identity.createGroupQuery().groupId("kx").count()).isEqualTo(1);

      User weak = identity.newUser("clerk");
      weak.setPassword("123456");
      assertThatThrownBy(() -> identity.saveUser(weak)).isInstanceOf(ProcessEngineException.class);

      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> tasklist = http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(),
          HttpResponse.BodyHandlers.ofString());
      String csp = tasklist.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'");
      String scriptSrc = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
      assertThat(scriptSrc).doesNotContain("'unsafe-inline'").doesNotContain("https:");
      assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(tasklist.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");

      HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans"))
          .header("Authorization", basic("chief", STRONG)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(200);
      assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
      assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

      HttpResponse<String> login = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=chief&password=" + java.net.URLEncoder.encode(STRONG, StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
          .findFirst().orElseThrow();
      assertThat(session).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
      // one SameSite attribute: Spring's (server.servlet.session.cookie), which Camunda's cookie filter leaves alone
      assertThat(session.split("(?i)SameSite", -1)).as(session).hasSize(2);
      assertThat(session).containsIgnoringCase("SameSite=Strict");
      // the CSRF cookie is read by the webapps' scripts, which send it back as a header: Secure, not HttpOnly
      String csrf = tasklist.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN"))
          .findFirst().orElseThrow();
      assertThat(csrf).containsIgnoringCase("Secure").doesNotContainIgnoringCase("HttpOnly");

      // a password the policy rejects is the caller's mistake: 400 naming the rules, not a 500
      HttpResponse<String> weakOverRest = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/engine-rest/user/create"))
          .header("Authorization", basic("chief", STRONG)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"profile\":{\"id\":\"clerk2\"},\"credentials\":{\"password\":\"123456\"}}")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(weakOverRest.statusCode()).as(weakOverRest.body()).isEqualTo(400);
      assertThat(weakOverRest.body()).contains("密码不符合密码策略").contains("大写字母");
      assertThat(identity.createUserQuery().userId("clerk2").count()).isZero();

      // login throttling: right after a wrong password even the right one is refused for a while
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans"))
          .header("Authorization", basic("chief", "wrong")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans"))
          .header("Authorization", basic("chief", STRONG)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
