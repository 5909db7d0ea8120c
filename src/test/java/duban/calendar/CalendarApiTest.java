package duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** The calendar API as users reach it, with the days stored in the application's database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class CalendarApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired WorkingCalendar calendar;
  @Autowired ShippedDays shipped;
  @Autowired CalendarDayStore store;
  @Autowired OfficeHours officeHours;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeAdministratorsDays() {
    jdbc.update("delete from duban_calendar_day");
    calendar.reload();
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }

  private JsonNode ok(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  private static JsonNode day(JsonNode year, String date) {
    for (JsonNode day : year.get("days")) {
      if (day.get("date").asText().equals(date)) {
        return day;
      }
    }
    return null;
  }

  private static String message(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody()).get("message").asText();
  }

  @Test
  void anyUserReadsAYear() throws Exception {
    JsonNode year = ok(call("kx", HttpMethod.GET, "/api/calendar/2026", null));
    assertThat(year.get("year").asInt()).isEqualTo(2026);
    assertThat(year.get("covered").asBoolean()).isTrue();
    assertThat(year.get("days")).hasSize(25);
    assertThat(day(year, "2026-10-10").toString())
        .isEqualTo("{\"date\":\"2026-10-10\",\"type\":\"WORKDAY\",\"name\":\"国庆节调休\",\"source\":\"yaml\"}");

    JsonNode unpublished = ok(call("kx", HttpMethod.GET, "/api/calendar/2027", null));
    assertThat(unpublished.get("covered").asBoolean()).isFalse();
    assertThat(unpublished.get("days")).isEmpty();
  }

  @Test
  void anAdministratorsDayChangesTheCalendarAndOutlivesARestart() throws Exception {
    LocalDate friday = LocalDate.parse("2026-10-09");
    assertThat(calendar.isWorkingDay(friday)).isTrue();

    JsonNode saved = ok(call("demo", HttpMethod.PUT, "/api/calendar/days/2026-10-09",
        "{\"type\":\"HOLIDAY\",\"name\":\"防汛调休\"}"));
    assertThat(saved.toString())
        .isEqualTo("{\"date\":\"2026-10-09\",\"type\":\"HOLIDAY\",\"name\":\"防汛调休\",\"source\":\"admin\"}");
    assertThat(calendar.isWorkingDay(friday)).isFalse();
    assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-09-30"), 3)).isEqualTo(LocalDate.parse("2026-10-12"));

    // a calendar built afresh from the same database, as after a restart
    WorkingCalendar restarted = new WorkingCalendar(shipped, store, officeHours);
    assertThat(restarted.isWorkingDay(friday)).isFalse();
    assertThat(jdbc.queryForObject("select type from duban_calendar_day where \"day\" = ?", String.class, friday))
        .isEqualTo("HOLIDAY");

    // a second PUT replaces the day
    ok(call("demo", HttpMethod.PUT, "/api/calendar/days/2026-10-09", "{\"type\":\"workday\"}"));
    assertThat(calendar.isWorkingDay(friday)).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from duban_calendar_day", Integer.class)).isOne();

    assertThat(call("demo", HttpMethod.DELETE, "/api/calendar/days/2026-10-09", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(new WorkingCalendar(shipped, store, officeHours).isWorkingDay(friday)).isTrue();
    assertThat(call("demo", HttpMethod.DELETE, "/api/calendar/days/2026-10-09", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anAdministratorOverridesAShippedDay() throws Exception {
    LocalDate holiday = LocalDate.parse("2026-10-07");
    assertThat(calendar.isWorkingDay(holiday)).isFalse();
    ok(call("demo", HttpMethod.PUT, "/api/calendar/days/2026-10-07", "{\"type\":\"WORKDAY\",\"name\":\"取消放假\"}"));
    assertThat(calendar.isWorkingDay(holiday)).isTrue();
    JsonNode year = ok(call("kx", HttpMethod.GET, "/api/calendar/2026", null));
    assertThat(day(year, "2026-10-07").get("source").asText()).isEqualTo("admin");
    assertThat(year.get("days")).hasSize(25);

    assertThat(call("demo", HttpMethod.DELETE, "/api/calendar/days/2026-10-07", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(calendar.isWorkingDay(holiday)).as("the shipped holiday again").isFalse();
  }

  @Test
  void onlyAdministratorsChangeTheCalendar() throws Exception {
    ResponseEntity<String> put = call("kx", HttpMethod.PUT, "/api/calendar/days/2026-10-09", "{\"type\":\"HOLIDAY\"}");
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(message(put)).contains("只有管理员");
    assertThat(call("kx", HttpMethod.DELETE, "/api/calendar/days/2026-10-07", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-09"))).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from duban_calendar_day", Integer.class)).isZero();
  }

  @Test
  void badInputIsRefusedWithAMessage() throws Exception {
    ResponseEntity<String> badType = call("demo", HttpMethod.PUT, "/api/calendar/days/2026-10-09", "{\"type\":\"REST\"}");
    assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(badType)).contains("未知的类型 REST", "HOLIDAY", "WORKDAY");

    ResponseEntity<String> noType = call("demo", HttpMethod.PUT, "/api/calendar/days/2026-10-09", "{\"name\":\"x\"}");
    assertThat(noType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(noType)).contains("缺少类型");

    ResponseEntity<String> badDate = call("demo", HttpMethod.PUT, "/api/calendar/days/2026-02-30", "{\"type\":\"HOLIDAY\"}");
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(badDate)).contains("日期格式错误", "2026-02-30");

    ResponseEntity<String> farYear = call("demo", HttpMethod.PUT, "/api/calendar/days/2101-01-01", "{\"type\":\"HOLIDAY\"}");
    assertThat(farYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(farYear)).contains("超出支持范围");

    ResponseEntity<String> notJson = call("demo", HttpMethod.PUT, "/api/calendar/days/2026-10-09", "{type: HOLIDAY");
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(notJson)).contains("请求体应为 JSON");

    ResponseEntity<String> longName = call("demo", HttpMethod.PUT, "/api/calendar/days/2026-10-09",
        "{\"type\":\"HOLIDAY\",\"name\":\"" + "长".repeat(101) + "\"}");
    assertThat(longName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(longName)).contains("100");

    for (String year : new String[] {"1999", "2101", "abc"}) {
      ResponseEntity<String> response = call("kx", HttpMethod.GET, "/api/calendar/" + year, null);
      assertThat(response.getStatusCode()).as(year).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(message(response)).contains("年份应为 2000 至 2100", year);
    }
    ResponseEntity<String> deleteBadDate = call("demo", HttpMethod.DELETE, "/api/calendar/days/10-01", null);
    assertThat(deleteBadDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(jdbc.queryForObject("select count(*) from duban_calendar_day", Integer.class)).isZero();
  }
}
