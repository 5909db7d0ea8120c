package duban.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** 结果考评 and 情况通报 over HTTP on the seed plan (PlanApiTest's context): who sees what, and bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class BulletinApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String THIS_MONTH = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

  @Autowired TestRestTemplate http;

  private <T> ResponseEntity<T> call(String user, HttpMethod method, String path, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(path, method, new HttpEntity<>(null, headers), type);
  }

  @Test
  void theOfficesSeeEveryUnitsScoreAUnitOnlyItsOwn() throws Exception {
    JsonNode all = JSON.readTree(call("supervisor", HttpMethod.GET, "/api/plans/JNSC2022/evaluation", String.class)
        .getBody());
    assertThat(all.get("units").size()).isGreaterThan(10);
    assertThat(all.get("supportingUnits").size()).isGreaterThan(5);
    JsonNode first = all.get("units").get(0);
    assertThat(first.get("rank").asInt()).isOne();
    assertThat(first.get("parts").size()).isEqualTo(5);
    double sum = 0;
    for (JsonNode part : first.get("parts")) {
      sum += part.get("points").asDouble();
    }
    assertThat(first.get("score").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.2));
    assertThat(JSON.readTree(call("leader", HttpMethod.GET, "/api/plans/JNSC2022/evaluation", String.class).getBody())
        .get("units").size()).isEqualTo(all.get("units").size());

    JsonNode own = JSON.readTree(call("jrj", HttpMethod.GET, "/api/plans/JNSC2022/evaluation", String.class).getBody());
    assertThat(own.get("units")).isNotEmpty().allSatisfy(u -> assertThat(u.get("code").asText()).isEqualTo("jrj"));
    assertThat(own.get("supportingUnits")).allSatisfy(u -> assertThat(u.get("code").asText()).isEqualTo("jrj"));
    assertThat(own.toString()).doesNotContain("\"kx\"");

    ResponseEntity<byte[]> xlsx = call("jrj", HttpMethod.GET, "/api/plans/JNSC2022/evaluation.xlsx", byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet lead = book.getSheet("牵头单位考评");
      assertThat(lead.getRow(1).getCell(0).getStringCellValue()).isEqualTo("名次");
      assertThat(lead.getRow(1).getCell(3).getStringCellValue()).startsWith("按时办结率");
      assertThat(lead.getPhysicalNumberOfRows()).as("title, header and jrj's own row").isEqualTo(3);
      assertThat(lead.getRow(2).getCell(1).getStringCellValue()).isEqualTo("市地方金融监管局");
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
        call("supervisor", HttpMethod.GET, "/api/plans/JNSC2022/evaluation.xlsx", byte[].class).getBody()))) {
      Sheet lead = book.getSheet("牵头单位考评");
      assertThat(lead.getPhysicalNumberOfRows()).isEqualTo(2 + all.get("units").size());
      assertThat(lead.getRow(2).getCell(2).getNumericCellValue())
          .isGreaterThanOrEqualTo(lead.getRow(3).getCell(2).getNumericCellValue());
    }
  }

  @Test
  void badInputIsNamedAndTheAnonymousLearnNothing() {
    assertThat(call(null, HttpMethod.GET, "/api/plans/JNSC2022/evaluation", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call(null, HttpMethod.GET, "/api/plans/JNSC2022/bulletins", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> unknown = call("supervisor", HttpMethod.GET, "/api/plans/NOPE/evaluation", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("NOPE");
    assertThat(call("supervisor", HttpMethod.GET, "/api/plans/NOPE/bulletin.docx?period=" + THIS_MONTH, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> future = call("supervisor", HttpMethod.GET, "/api/plans/JNSC2022/evaluation?period=2099-01",
        String.class);
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getBody()).contains("2099-01", "尚未开始");
    ResponseEntity<String> before = call("supervisor", HttpMethod.GET,
        "/api/plans/JNSC2022/bulletin.docx?period=2020-Q1", String.class);
    assertThat(before.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(before.getBody()).contains("2020-Q1", "早于");
    assertThat(call("supervisor", HttpMethod.GET, "/api/plans/JNSC2022/evaluation?period=2026-13", String.class)
        .getBody()).contains("「2026-13」无法识别");
    assertThat(call("jrj", HttpMethod.GET, "/api/plans/JNSC2022/bulletin.docx?period=" + THIS_MONTH, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("jrj", HttpMethod.POST, "/api/plans/JNSC2022/bulletins?period=" + THIS_MONTH, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theOfficeIssuesABulletinThatEveryUnitCanDownload() throws Exception {
    ResponseEntity<byte[]> draft = call("supervisor", HttpMethod.GET,
        "/api/plans/JNSC2022/bulletin.docx?period=" + THIS_MONTH, byte[].class);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(draft.getHeaders().getContentType().toString()).isEqualTo(BulletinController.DOCX);

    ResponseEntity<String> issued = call("leader", HttpMethod.POST, "/api/plans/JNSC2022/bulletins?period=" + THIS_MONTH,
        String.class);
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    int serial = JSON.readTree(issued.getBody()).get("serial").asInt();
    JsonNode list = JSON.readTree(call("kx", HttpMethod.GET, "/api/plans/JNSC2022/bulletins", String.class).getBody());
    assertThat(list.findValuesAsText("serial")).contains(String.valueOf(serial));
    ResponseEntity<byte[]> document = call("kx", HttpMethod.GET,
        "/api/plans/JNSC2022/bulletins/" + serial + ".docx", byte[].class);
    assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
    // kept for whoever wants to look at it (README's sample page is drawn from this file)
    java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "bulletins"))
        .resolve("JNSC2022-" + serial + ".docx"), document.getBody());
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(document.getBody()));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText()).contains("纳入督办任务 67 项", "第 " + serial + " 期");
    }
    assertThat(call("kx", HttpMethod.GET, "/api/plans/JNSC2022/bulletins/999.docx", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
