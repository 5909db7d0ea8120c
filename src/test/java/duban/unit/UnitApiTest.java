package duban.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The unit directory growing over HTTP. Shares the context of duban.plan.PlanApiTest (same configuration). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class UnitApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String VALID = """
      {"code":"%s","name":"%s","aliases":["%s"],"kind":"MUNICIPAL_DEPARTMENT","email":"%s@duban.example.cn"}""";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired UnitDirectory directory;
  @Autowired UnitStore store;

  ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  static JsonNode body(ResponseEntity<String> response, HttpStatus status) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return JSON.readTree(response.getBody());
  }

  @Test
  void aNewUnitIsAGroupAtOnceAndSurvivesARestart() throws Exception {
    JsonNode unit = body(send("demo", HttpMethod.POST, "/api/units",
        VALID.formatted("ytkjj", "烟台市科学技术局", "烟台科技局", "ytkjj")), HttpStatus.CREATED);
    assertThat(unit.get("kindLabel").asText()).isEqualTo("市直部门");
    assertThat(identityService.createGroupQuery().groupId("ytkjj").singleResult().getName()).isEqualTo("烟台市科学技术局");
    assertThat(authorizationService.isUserAuthorized("ytkjj", java.util.List.of("ytkjj"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(directory.byName("烟台科技局")).map(Unit::code).contains("ytkjj");
    body(send("supervisor", HttpMethod.PUT, "/api/units/ytkjj/aliases", "{\"aliases\":[\"烟台市科技局\"]}"), HttpStatus.OK);

    // what a restart reads: seeds/units.yaml merged with the stored additions
    UnitDirectory restarted = new UnitDirectoryConfiguration()
        .unitDirectory(new DefaultResourceLoader(), new IdentitySettings.Directory("classpath:seeds/units.yaml"), store);
    Unit again = restarted.byCode("ytkjj").orElseThrow();
    assertThat(again.name()).isEqualTo("烟台市科学技术局");
    assertThat(again.aliases()).containsExactly("烟台科技局", "烟台市科技局");
    assertThat(again.email()).isEqualTo("ytkjj@duban.example.cn");
  }

  @Test
  void aliasesMapWrittenNamesToExistingUnitsIncludingCollectives() throws Exception {
    JsonNode unit = body(send("supervisor", HttpMethod.PUT, "/api/units/quxian/aliases",
        "{\"aliases\":[\"各县（区）政府\", \"各县（区）政府\"]}"), HttpStatus.OK);
    assertThat(unit.get("aliases").findValuesAsText("")).isEmpty();
    assertThat(directory.byName("各县（区）政府")).map(Unit::code).contains("quxian");
    // the same alias again is no change; an alias of another unit is refused
    body(send("supervisor", HttpMethod.PUT, "/api/units/quxian/aliases", "{\"aliases\":[\"各县（区）政府\"]}"), HttpStatus.OK);
    JsonNode taken = body(send("supervisor", HttpMethod.PUT, "/api/units/kx/aliases", "{\"aliases\":[\"市科技局\"]}"),
        HttpStatus.BAD_REQUEST);
    assertThat(taken.get("field").asText()).isEqualTo("aliases");
    assertThat(taken.get("message").asText()).contains("「市科技局」已是单位 kjj");
    assertThat(send("supervisor", HttpMethod.PUT, "/api/units/nosuch/aliases", "{\"aliases\":[\"某局\"]}")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(body(send("supervisor", HttpMethod.PUT, "/api/units/kx/aliases", "{\"aliases\":[]}"),
        HttpStatus.BAD_REQUEST).get("field").asText()).isEqualTo("aliases");
  }

  @Test
  void aDuplicateCodeIsAConflict() throws Exception {
    assertThat(body(send("demo", HttpMethod.POST, "/api/units", VALID.formatted("kx", "某协会", "某协", "kx2")),
        HttpStatus.CONFLICT).get("message").asText()).isEqualTo("单位代码 kx 已存在");
    // a Camunda user of that id (the demo logins) would share the group's name space
    assertThat(send("demo", HttpMethod.POST, "/api/units", VALID.formatted("supervisor", "某局", "某", "x"))
        .getStatusCode()).isIn(HttpStatus.CONFLICT, HttpStatus.BAD_REQUEST);
  }

  @Test
  void anInvalidFieldIsNamed() throws Exception {
    record Case(String json, String field) {}
    for (Case c : java.util.List.of(
        new Case("{\"name\":\"某局\",\"kind\":\"MUNICIPAL_DEPARTMENT\",\"email\":\"a@b.cn\"}", "code"),
        new Case("{\"code\":\"Bad-Code\",\"name\":\"某局\",\"kind\":\"MUNICIPAL_DEPARTMENT\",\"email\":\"a@b.cn\"}", "code"),
        new Case("{\"code\":\"mj1\",\"kind\":\"MUNICIPAL_DEPARTMENT\",\"email\":\"a@b.cn\"}", "name"),
        new Case("{\"code\":\"mj1\",\"name\":\"某局\",\"kind\":\"BUREAU\",\"email\":\"a@b.cn\"}", "kind"),
        new Case("{\"code\":\"mj1\",\"name\":\"某局\",\"kind\":\"COLLECTIVE\",\"email\":\"a@b.cn\"}", "kind"),
        new Case("{\"code\":\"mj1\",\"name\":\"某局\",\"kind\":\"MUNICIPAL_DEPARTMENT\",\"email\":\"nope\"}", "email"),
        new Case("{\"code\":\"mj1\",\"name\":\"某局\",\"kind\":\"MUNICIPAL_DEPARTMENT\"}", "email"),
        new Case("{\"code\":\"mj1\",\"name\":\"市科技局\",\"kind\":\"MUNICIPAL_DEPARTMENT\",\"email\":\"a@b.cn\"}", "name"),
        new Case("{\"code\":\"mj1\",\"name\":\"某局\",\"aliases\":[\" \"],\"kind\":\"MUNICIPAL_DEPARTMENT\",\"email\":\"a@b.cn\"}",
            "aliases"))) {
      JsonNode error = body(send("supervisor", HttpMethod.POST, "/api/units", c.json()), HttpStatus.BAD_REQUEST);
      assertThat(error.get("field").asText()).as(c.json()).isEqualTo(c.field());
      assertThat(error.get("message").asText()).startsWith("字段 " + c.field() + "：");
    }
    assertThat(directory.byCode("mj1")).isEmpty();
    assertThat(identityService.createGroupQuery().groupId("mj1").count()).isZero();
  }
}
