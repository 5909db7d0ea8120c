package duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The history period and report over HTTP, on an application of its own with the seed imported. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:history-api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class HistoryApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void theOfficeSeesThePlansHistoryRowsPerTable() throws Exception {
    ResponseEntity<String> response = call("supervisor", HttpMethod.GET, "/api/plans/JNSC2022/history", null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = JSON.readTree(response.getBody());
    assertThat(report.get("instances").asLong()).isGreaterThanOrEqualTo(67);
    assertThat(report.get("rows").get("ACT_HI_PROCINST").asLong()).isEqualTo(report.get("instances").asLong());
    assertThat(report.get("rows").get("ACT_HI_VARINST").asLong()).isPositive();
    long sum = 0;
    for (JsonNode n : report.get("rows")) {
      sum += n.asLong();
    }
    assertThat(report.get("total").asLong()).isEqualTo(sum);
  }

  @Test
  void unitsAndAnonymousCallersGetNoHistoryReportAndUnknownPlansAreNamed() {
    assertThat(call(null, HttpMethod.GET, "/api/plans/JNSC2022/history", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call("jrj", HttpMethod.GET, "/api/plans/JNSC2022/history", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("jrj", HttpMethod.PUT, "/api/history/time-to-live", "{\"days\":1}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> unknown = call("supervisor", HttpMethod.GET, "/api/plans/NOPE/history", null);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("NOPE");
  }

  @Test
  void theOfficeSetsThePeriodWithinBounds() throws Exception {
    ResponseEntity<String> zero = call("supervisor", HttpMethod.PUT, "/api/history/time-to-live", "{\"days\":0}");
    assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(zero.getBody()).contains("历史保留期限");
    assertThat(call("demo", HttpMethod.PUT, "/api/history/time-to-live", "{}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> set = call("supervisor", HttpMethod.PUT, "/api/history/time-to-live", "{\"days\":3650}");
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode now = JSON.readTree(call("demo", HttpMethod.GET, "/api/history/time-to-live", null).getBody());
    assertThat(now.get("days").asInt()).isEqualTo(3650);
  }
}
