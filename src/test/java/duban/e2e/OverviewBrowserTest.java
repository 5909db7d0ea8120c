package duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 督办总览 Cockpit plugin in a real headless Chromium: the supervision office and the joint-conference office see
 * the API's counts on the dashboard and on the plugin's page, open a task's timeline and download the ledger; a unit
 * has no Cockpit and reads only its own slice. Same application as {@link BrowserE2ETest} (one cached context).
 */
@E2eApplication
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverviewBrowserTest {

  private static final String PLAN = "JNSC2022";
  private static final String STATUSES = "RED,YELLOW,GREEN,DONE";
  private static Browser browser;
  private static EngineRest rest;

  @LocalServerPort int port;

  @RegisterExtension
  static final TestWatcher DUMP_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser != null) {
        browser.dumpFailure(context.getRequiredTestMethod().getName());
      }
    }
  };

  @BeforeEach
  void openBrowser() throws IOException {
    if (browser == null) {
      rest = new EngineRest(base());
      browser = new Browser(base());
      browser.warmUp("cockpit");
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  @Order(1)
  void supervisorSeesTheApiCountsOnTheDashboardOpensATaskAndDownloadsTheLedger() throws Exception {
    JsonNode overview = rest.get("supervisor", "/api/plans/" + PLAN + "/overview");
    browser.login("cockpit", "supervisor");
    browser.visible(By.cssSelector("[data-duban='dashboard']"));
    assertCounts(overview);
    browser.until("status chart drawn", d -> !d.findElements(By.cssSelector("[data-duban='dashboard-chart'] canvas")).isEmpty());
    browser.screenshot("overview-dashboard");

    browser.click(By.cssSelector("[data-duban='open-overview']"));
    browser.visible(By.cssSelector("[data-duban='tasks'] tbody tr.task"));
    assertCounts(overview);
    assertThat(browser.driver().findElements(By.cssSelector("[data-duban='tasks'] tbody tr.task")))
        .hasSize(overview.get("tasks").asInt());
    assertThat(browser.driver().findElements(By.cssSelector("[data-duban='units'] tbody tr")))
        .hasSize(overview.get("byUnit").size());
    assertThat(browser.driver().findElements(By.cssSelector("[data-duban='overdue'] tr.task")))
        .hasSize(overview.get("overdue").size());
    browser.until("section chart drawn", d -> !d.findElements(By.cssSelector("[data-duban='section-chart'] canvas")).isEmpty());

    // 结果考评: the lead units ranked as the evaluation API ranks them, scores included
    JsonNode evaluation = rest.get("supervisor", "/api/plans/" + PLAN + "/evaluation");
    List<WebElement> ranked = browser.until("ranking shown", d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("[data-duban='ranking'][data-role='lead'] tbody tr"));
      return rows.isEmpty() ? null : rows;
    });
    assertThat(ranked).hasSize(evaluation.get("units").size());
    for (int i = 0; i < ranked.size(); i++) {
      JsonNode unit = evaluation.get("units").get(i);
      WebElement row = ranked.get(i);
      assertThat(row.getDomAttribute("data-unit")).isEqualTo(unit.get("code").asText());
      assertThat(row.findElements(By.tagName("td")).get(0).getText()).isEqualTo(unit.get("rank").asText());
      assertThat(Double.parseDouble(row.findElement(By.cssSelector("[data-duban='score']")).getText()))
          .isCloseTo(unit.get("score").asDouble(), org.assertj.core.data.Offset.offset(0.051));
    }
    assertThat(browser.driver().findElements(By.cssSelector("[data-duban='ranking'][data-role='supporting'] tbody tr")))
        .hasSize(evaluation.get("supportingUnits").size());

    // the unit table sorts by on-time rate when its header is clicked
    browser.click(By.cssSelector("[data-duban='units'] th[data-sort='onTimeRate']"));
    browser.until("sorted by 按期办结率", d -> d.findElement(By.cssSelector("[data-duban='units'] th[data-sort='onTimeRate']"))
        .getText().contains("▼"));

    // drill-down: the most overdue task's timeline, with a link to its instance
    int number = overview.get("overdue").get(0).get("number").asInt();
    browser.click(By.cssSelector("[data-duban='overdue'] tr.task[data-task='" + number + "']"));
    WebElement timeline = browser.visible(By.cssSelector("[data-duban='timeline'][data-task='" + number + "']"));
    JsonNode events = rest.get("supervisor", "/api/plans/" + PLAN + "/tasks/" + number + "/timeline").get("events");
    assertThat(timeline.findElements(By.cssSelector("li"))).hasSize(events.size());
    assertThat(timeline.getText()).contains("交办任务", "逾期督办");
    String instance = timeline.findElement(By.cssSelector("[data-duban='instance-link']")).getAttribute("href");
    assertThat(instance).contains("#/process-instance/" + rest.get("supervisor", "/api/plans/" + PLAN + "/tasks/"
        + number + "/timeline").get("processInstanceId").asText());
    browser.scrollToCenter(browser.visible(By.cssSelector("h3")));
    Path shot = browser.screenshot("overview-page");
    Files.createDirectories(Path.of("target", "docs"));
    Files.copy(shot, Path.of("target", "docs", "cockpit-overview.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    browser.scrollToCenter(timeline);
    browser.screenshot("overview-timeline");

    // the ledger button carries the page's filters, and the browser downloads the workbook
    browser.driver().findElement(By.cssSelector("[data-duban='status-filter'] option[value='RED']")).click();
    WebElement ledger = browser.visible(By.cssSelector("[data-duban='ledger']"));
    assertThat(ledger.getDomAttribute("href")).contains("status=RED");
    Path downloads = Files.createDirectories(Path.of("target", "e2e-downloads").toAbsolutePath());
    try (var old = Files.list(downloads)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    browser.scrollToCenter(ledger);
    ledger.click();
    Path file = browser.until("ledger downloaded", d -> {
      try (var files = Files.list(downloads)) {
        return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
      } catch (IOException e) {
        return null;
      }
    });
    assertThat(file.getFileName().toString()).startsWith("督办台账-" + PLAN);
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
      int rows = 0;
      for (int s = 1; s < workbook.getNumberOfSheets(); s++) {
        Sheet sheet = workbook.getSheetAt(s);
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
          assertThat(sheet.getRow(r).getCell(7).getStringCellValue()).isEqualTo("红灯");
          rows++;
        }
      }
      assertThat(rows).isEqualTo(overview.get("byStatus").get("RED").asInt());
    }
  }

  @Test
  @Order(2)
  void leaderSeesTheSameView() throws Exception {
    JsonNode overview = rest.get("leader", "/api/plans/" + PLAN + "/overview");
    browser.login("cockpit", "leader");
    browser.visible(By.cssSelector("[data-duban='dashboard']"));
    assertCounts(overview);
    browser.driver().get(base() + "/camunda/app/cockpit/default/#/duban-overview");
    browser.visible(By.cssSelector("[data-duban='tasks'] tbody tr.task"));
    assertCounts(overview);
    int number = overview.get("list").get(0).get("number").asInt();
    browser.click(By.cssSelector("[data-duban='tasks'] tr.task[data-task='" + number + "']"));
    browser.visible(By.cssSelector("[data-duban='timeline'][data-task='" + number + "'] li"));
    browser.screenshot("overview-leader");
  }

  @Test
  @Order(3)
  void unitHasNoCockpitAndReadsOnlyItsOwnSlice() throws Exception {
    browser.logout();
    browser.driver().get(base() + "/camunda/app/cockpit/default/");
    // the login form may render again while it is typed into (seen: both words in the user field), so fill it until
    // both fields hold what was typed
    browser.visible(Browser.LOGIN_USER);
    browser.until("login form filled", d -> {
      WebElement user = d.findElement(Browser.LOGIN_USER);
      WebElement password = d.findElement(Browser.LOGIN_PASSWORD);
      user.clear();
      user.sendKeys("kx");
      password.clear();
      password.sendKeys("demo");
      return "kx".equals(user.getDomProperty("value")) && "demo".equals(password.getDomProperty("value")) ? true : null;
    });
    browser.driver().findElement(Browser.LOGIN_SUBMIT).click();
    browser.until("Cockpit refuses the unit", d -> d.findElements(Browser.ACCOUNT_MENU).isEmpty()
        && !d.findElements(By.cssSelector(".notifications .alert, .notification, [notifications-panel] .alert")).isEmpty());
    assertThat(browser.driver().findElements(By.cssSelector("[data-duban='dashboard']"))).isEmpty();
    browser.screenshot("overview-unit-no-cockpit");

    // in its own webapp (Tasklist) session the unit's reads of the overview API give its slice only
    browser.login("tasklist", "kx");
    JsonNode own = rest.get("kx", "/api/plans/" + PLAN + "/overview");
    Object fromPage = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('/api/plans/" + PLAN + "/overview').then(r => r.json()).then(b => done(b.tasks + '|' + b.scope))");
    assertThat(own.get("tasks").asInt()).isLessThan(rest.get("supervisor", "/api/plans/" + PLAN + "/overview")
        .get("tasks").asInt());
    assertThat(String.valueOf(fromPage)).isEqualTo(own.get("tasks").asInt() + "|kx");
  }

  private void assertCounts(JsonNode overview) {
    browser.until("counts drawn", d -> !d.findElements(By.cssSelector("[data-count='TOTAL'] b")).isEmpty());
    assertThat(browser.driver().findElement(By.cssSelector("[data-count='TOTAL'] b")).getText())
        .isEqualTo(overview.get("tasks").asText());
    for (String status : List.of(STATUSES.split(","))) {
      assertThat(browser.driver().findElement(By.cssSelector("[data-count='" + status + "'] b")).getText())
          .as(status).isEqualTo(overview.get("byStatus").get(status).asText());
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
