package duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import duban.evidence.Samples;
import duban.plan.Plan;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.LifecycleDriver;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionStart;
import duban.unit.UnitDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * 佐证材料 in Tasklist, in a real headless Chromium: 人民银行济南分行营管部 (rhjn, a supporting unit of task 6) attaches two
 * files in the 佐证材料 tab beside its contribution form and submits; the supervision office sees them with its
 * review task and downloads them; another unit's session cannot list or read them. The engine's clock is fixed at
 * 2026-11-26. Shares the application of PlanApiTest and EvidenceApiTest (same settings); leaves docs/evidence-tab.png.
 */
@ExtendWith(BrowserE2ETest.NeedsChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:evidence-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class EvidenceBrowserTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final String UNIT = "rhjn";
  private static final String OTHER_UNIT = "kx";
  private static final By TABS = By.cssSelector(".task-details ul.nav-tabs li a");
  private static final By EVIDENCE_TAB = By.xpath(
      "//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='佐证材料']");
  private static final By FILE_INPUT = By.cssSelector(".duban-evidence input.ev-input");
  private static final By FILE_ROWS = By.cssSelector(".duban-evidence tr.ev-file");

  private static Browser browser;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired SupervisionStart supervisionStart;
  @Autowired UnitDirectory directory;

  @RegisterExtension
  static final TestWatcher DUMP_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser != null) {
        browser.dumpFailure(context.getRequiredTestMethod().getName());
      }
    }
  };

  @BeforeAll
  static void fixTheClock() {
    if ("true".equalsIgnoreCase(System.getenv("CI")) && !Browser.installed()) {
      fail("CI=true and the browser tests cannot run: Chromium or ChromeDriver is missing; .ci/run installs them");
    }
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterAll
  static void closeBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void unitAttachesTwoFilesAndSubmitsTheOfficeReadsThemAndAnotherUnitCannot() throws Exception {
    ProcessInstance pi = startTask6AndAcknowledge();
    browser = new Browser("http://localhost:" + port);
    Path files = Files.createDirectories(Path.of("target", "e2e-evidence"));
    Path minutes = Files.write(files.resolve("座谈会会议纪要.pdf"), Samples.pdf());
    Path photo = Files.write(files.resolve("科创金融服务现场.png"), Samples.png());

    // a first load of Tasklist on a busy two-core machine can stall (seen: the page waiting on its plugin scripts
    // for minutes); a user would reload, and so does this test, up to three times
    waitForTasklist();

    // the unit attaches two files in the tab beside its form, then submits the form
    browser.login("tasklist", UNIT);
    String contributionId = browser.openTask("〔6〕报送配合情况");
    browser.click(EVIDENCE_TAB);
    browser.visible(FILE_INPUT).sendKeys(minutes.toAbsolutePath() + "\n" + photo.toAbsolutePath());
    List<String> names = rowNames(2);
    assertThat(names).containsExactlyInAnyOrder("座谈会会议纪要.pdf", "科创金融服务现场.png");
    assertThat(browser.driver().findElement(By.cssSelector(".duban-evidence .ev-message")).getText()).contains("已上传 2 个文件");
    browser.screenshot("evidence-unit-attached");
    browser.click(TABS); // the first tab is the form
    browser.visible(Browser.FORM);
    browser.claim();
    browser.type("Field_Contribution", "配合开展科创金融政策宣讲，座谈会纪要和现场照片见佐证材料。");
    browser.complete();
    assertThat(taskService.createTaskQuery().taskId(contributionId).count()).isZero();

    // the rest of the task moves on to review
    LifecycleDriver driver = new LifecycleDriver(context);
    open(pi, SupervisionProcess.SUBMIT_CONTRIBUTION).forEach(driver::complete);
    open(pi, SupervisionProcess.SUBMIT_REPORT).forEach(driver::complete);
    assertThat(open(pi, SupervisionProcess.REVIEW_REPORT)).hasSize(1);

    // the office sees both files with the review and downloads them
    browser.login("tasklist", "supervisor");
    browser.openTask("〔6〕审核报送材料");
    browser.click(EVIDENCE_TAB);
    assertThat(rowNames(2)).containsExactlyInAnyOrder("座谈会会议纪要.pdf", "科创金融服务现场.png");
    String table = browser.driver().findElement(By.cssSelector(".duban-evidence")).getText();
    assertThat(table).contains("第1轮", "人民银行济南分行营管部", "2026-11-26", "PDF 文档", "PNG 图片", "打包下载全部佐证材料");
    Path shot = browser.screenshot("evidence-supervisor-sees-files");
    Files.createDirectories(Path.of("docs"));
    Files.copy(shot, Path.of("docs", "evidence-tab.png"), StandardCopyOption.REPLACE_EXISTING);

    Path downloads = Files.createDirectories(files.resolve("downloads-" + System.nanoTime()));
    browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    for (WebElement link : browser.driver().findElements(By.cssSelector(".duban-evidence a.ev-download"))) {
      browser.scrollToCenter(link);
      link.click();
    }
    Path pdf = downloads.resolve("座谈会会议纪要.pdf");
    Path png = downloads.resolve("科创金融服务现场.png");
    browser.until("both files downloaded", d -> Files.exists(pdf) && Files.exists(png) ? true : null);
    assertThat(Files.readAllBytes(pdf)).isEqualTo(Samples.pdf());
    assertThat(Files.readAllBytes(png)).isEqualTo(Files.readAllBytes(photo));

    // another unit, logged in to Tasklist, can neither list nor read them
    String fileId = browser.driver().findElement(FILE_ROWS).getDomAttribute("data-id");
    String reviewId = open(pi, SupervisionProcess.REVIEW_REPORT).get(0).getId();
    browser.login("tasklist", OTHER_UNIT);
    assertThat(fetchStatus("/api/evidence/" + fileId)).isEqualTo(404);
    assertThat(fetchStatus("/api/tasks/" + reviewId + "/evidence")).isEqualTo(404);
    assertThat(fetchStatus("/api/tasks/" + contributionId + "/evidence")).isEqualTo(404);
    assertThat(browser.taskNames()).noneMatch(name -> name.startsWith("〔6〕审核"));
  }

  private void waitForTasklist() {
    for (int attempt = 1; ; attempt++) {
      browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      try {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(
            ExpectedConditions.visibilityOfElementLocated(Browser.LOGIN_USER));
        return;
      } catch (RuntimeException stalled) {
        System.err.println("Tasklist did not load (attempt " + attempt + "); fetched so far:\n" + browser.js(
            "return performance.getEntriesByType('resource').map(e => e.name + ' ' + e.responseStatus).join('\\n')"));
        if (attempt == 3) {
          throw stalled;
        }
      }
    }
  }

  private List<String> rowNames(int expected) {
    return browser.until(expected + " files listed", d -> {
      List<WebElement> rows = d.findElements(FILE_ROWS);
      if (rows.size() != expected) {
        return null;
      }
      return rows.stream().map(r -> r.findElement(By.cssSelector(".ev-name")).getText()).toList();
    });
  }

  /** What the logged-in browser session gets for an API path (the page's own fetch, cookies and all). */
  private int fetchStatus(String path) {
    Object status = browser.js("return fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.status);", path);
    return ((Number) status).intValue();
  }

  private List<Task> open(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  private ProcessInstance startTask6AndAcknowledge() throws IOException {
    Plan seed;
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      seed = new TaskDivisionTableParser(directory).parse("SEED", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    String plan = "EVB" + System.nanoTime() % 100000;
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(SupervisionProcess.KEY,
        SupervisionProcess.businessKey(plan, 6), supervisionStart.variables(plan, seed.tasks().get(5).assignment(), TODAY));
    LifecycleDriver driver = new LifecycleDriver(context);
    open(pi, SupervisionProcess.ACKNOWLEDGE).forEach(driver::complete);
    assertThat(((String) runtimeService.getVariable(pi.getId(), "supportingUnits")).split(",")).contains(UNIT);
    return pi;
  }
}
