package duban.e2e;

import static duban.e2e.EngineRest.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Task 6 of the Jinan table (JNSC2022-6: lead 市地方金融监管局, supporters rhjn, rhlw, ybjzb, deadline 2026-12-31)
 * clicked through from acknowledgement to sign-off in Tasklist, and a running instance inspected in Cockpit, by the
 * demo users in a real headless Chromium. Each step leaves a screenshot in target/e2e-screenshots/.
 *
 * <p>The steps share one browser and one application and run in order; a step that depends on an earlier one fails
 * with it. The engine's clock does not follow today's date: the seed is imported on {@link EngineClock#IMPORTED_AT}
 * (before task 6's deadline, so it starts at 签收 with its 配合 steps), and every step then runs on
 * {@link #STEPS_FROM}, after the deadline, as a late unit works an overdue task. 2027 has no holiday data: the
 * working calendar treats it as plain Monday to Friday (with a warning), which for mid-January, far from the Spring
 * Festival, gives the same step limits the State Council's notice would.
 */
@E2eApplication
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserE2ETest {

  /** The engine's clock during the steps: past task 6's deadline and past the end of 2026. */
  static final LocalDateTime STEPS_FROM = LocalDateTime.of(2027, 1, 15, 9, 30);
  private static final String TASK6 = "JNSC2022-6";
  private static final String NO6 = "〔6〕";
  private static final String TASK6_TITLE = "以济南市建设科创金融改革试验区为着力点";
  private static final String ACK_NAME = "〔6〕签收任务（市地方金融监管局） · " + TASK6_TITLE;
  private static final String OWN_UNIT_FILTER = "本单位待办";
  private static final String MISSING = Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + " is missing"
      + " (apt-get install chromium chromium-driver fonts-noto-cjk)";

  private static final String CONTRIBUTION = "配合开展科创金融产品创新，已对接科技型企业120家，发放科创贷款35亿元。";
  private static final String RETURN_COMMENT = "缺少科创金融专营机构名单，请补充后重新报送。";
  /** A report that tries to look like the system's own words, or worse: it must reach the reviewer as typed. */
  private static final String MARKUP_SUMMARY = "试验区方案已获批复<b>审核已通过</b>，**请直接办结**，"
      + "[点此查看](http://evil.example/)，<img src=x onerror=\"window.duban_xss=1\">。";
  private static final String FINAL_SUMMARY = "试验区建设方案已获批复，设立科创金融专营机构12家，名单已随本次报送补充。";

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

  /** Fails the class on CI without Chromium; elsewhere {@link NeedsChromium} skips each test before the app starts. */
  @BeforeAll
  static void needsChromiumOnCi() {
    if (onCi() && !Browser.installed()) {
      fail("CI=true and the browser tests cannot run: " + MISSING + "; .ci/run installs them");
    }
  }

  /**
   * Skips a test where Chromium or its driver is missing. Registered before Spring's extension, so it runs before
   * the application context is started, and each test shows as skipped with the reason.
   */
  static final class NeedsChromium implements TestInstancePostProcessor {
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
      boolean chromiumPresent = Browser.installed();
      Assumptions.assumeTrue(chromiumPresent, "browser tests skipped: " + MISSING + "; with CI=true they fail instead");
    }
  }

  private static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @BeforeEach
  void openBrowserAfterTheDeadline() throws Exception {
    EngineClock.runFrom(STEPS_FROM);
    if (browser == null) {
      String base = "http://localhost:" + port;
      rest = new EngineRest(base);
      browser = new Browser(base);
      browser.warmUp("tasklist");
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

  // ------------------------------------------------------------------------------------------------ the steps

  @Test
  @Order(1)
  void unitSeesExactlyItsOwnTasksInReadableChinese() throws Exception {
    List<String> chineseFonts = chineseFontFamilies();
    assertThat(String.join("\n", chineseFonts)).as("fc-list :lang=zh family").containsPattern("Noto (Sans|Serif) CJK");

    assertThat(EngineClock.now()).as("engine clock during the steps").isAfter(LocalDateTime.of(2026, 12, 31, 23, 59));
    browser.login("tasklist", "jrj");
    assertThat(browser.visible(Browser.ACTIVE_FILTER).getText()).startsWith(OWN_UNIT_FILTER);
    int shown = browser.activeFilterCount();

    long offeredToUnit = rest.count("jrj", "/engine-rest/task/count?candidateGroup=jrj");
    long visibleAtAll = rest.count("jrj", "/engine-rest/task/count");
    String filterId = rest.get("jrj", "/engine-rest/filter?name=" + enc(OWN_UNIT_FILTER)).get(0).get("id").asText();
    long byFilter = rest.count("jrj", "/engine-rest/filter/" + filterId + "/count");
    assertThat(offeredToUnit).isPositive();
    assertThat((long) shown).as("count beside 本单位待办").isEqualTo(offeredToUnit).isEqualTo(byFilter).isEqualTo(visibleAtAll);

    List<String> names = browser.taskNames();
    List<String> expected = new ArrayList<>();
    rest.get("jrj", "/engine-rest/task?candidateGroup=jrj").forEach(t -> expected.add(t.get("name").asText()));
    assertThat(names).as("tasks listed for jrj (all fit on one page)").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(names).allMatch(n -> n.matches("〔\\d+〕\\p{IsHan}.*"), "named 〔N〕 + Chinese");
    assertThat(names).as("task 6 waits at jrj's 签收, though its deadline has passed").contains(ACK_NAME);

    assertReadableChinese(chineseFonts);
    browser.screenshot("jrj-tasklist-own-unit");
  }

  @Test
  @Order(2)
  void leadUnitAcknowledgesAfterTheFormRefusesMissingAndShortFields() throws Exception {
    assertThat(openTasksOfTask6("Task_AcknowledgeAssignment").values()).as("task 6's 签收").containsExactly("jrj");
    browser.login("tasklist", "jrj");
    String taskId = browser.openTask(NO6 + "签收任务");
    assertThat(browser.visible(Browser.TASK_TITLE).getText()).isEqualTo(ACK_NAME);
    browser.claim();

    // nothing chosen: Complete is still enabled, form-js marks the required radio group and Tasklist keeps the task
    assertThat(browser.completeEnabled()).as("Complete before any validation").isTrue();
    browser.clickComplete();
    Map<String, String> errors = browser.until("error under 签收意见", d -> {
      Map<String, String> e = browser.fieldErrors();
      return e.containsKey("Field_AckDecision") ? e : null;
    });
    assertThat(errors.get("Field_AckDecision")).isEqualTo("「签收意见」为必填项"); // form-js's message, in Chinese
    browser.until("Complete disabled while the form is invalid", d -> !browser.completeEnabled());
    assertThat(rest.call("jrj", "GET", "/engine-rest/task/" + taskId, null).statusCode()).isEqualTo(200);
    browser.screenshot("acknowledge-required-field-missing");

    // 签收 reveals the acceptance fields; a work plan under 10 characters is refused as typed
    browser.choose("签收");
    browser.type("Field_ResponsiblePerson", "张建国");
    browser.type("Field_ContactPhone", "0531-86561234");
    browser.type("Field_WorkPlan", "尽快推进");
    browser.type("Field_Milestones", "2027-03-31 完成试验区建设方案报批");
    errors = browser.until("error under 工作计划", d -> {
      Map<String, String> e = browser.fieldErrors();
      return e.containsKey("Field_WorkPlan") ? e : null;
    });
    assertThat(errors).containsOnlyKeys("Field_WorkPlan");
    assertThat(errors.get("Field_WorkPlan")).isEqualTo("「工作计划」至少 10 个字");
    assertThat(browser.completeEnabled()).as("Complete while 工作计划 is too short").isFalse();
    browser.screenshot("acknowledge-work-plan-too-short");

    browser.replace("Field_WorkPlan", "牵头制定科创金融改革试验区建设方案，按季度调度推进。");
    browser.until("form valid", d -> browser.fieldErrors().isEmpty() && browser.completeEnabled());
    browser.screenshot("acknowledge-filled");
    browser.complete();

    assertThat(rest.call("jrj", "GET", "/engine-rest/task/" + taskId, null).statusCode()).isEqualTo(404);
    Map<String, String> contributions = openTasksOfTask6("Task_SubmitContribution");
    assertThat(contributions.values()).containsExactlyInAnyOrder("rhjn", "rhlw", "ybjzb");
    String pi = instanceOfTask6();
    assertThat(rest.get("supervisor", "/engine-rest/process-instance/" + pi + "/variables/acknowledgementSummary")
        .get("value").asText()).contains("张建国", "0531-86561234", "按季度调度推进");
  }

  /** Brief's step 7, run while task 6 is open at several units so that not seeing it means something. */
  @Test
  @Order(3)
  void anotherUnitNeverSeesTask6() throws Exception {
    Map<String, String> open = openTasksOfTask6(null);
    assertThat(open).as("task 6 is still running").isNotEmpty();

    browser.login("tasklist", "kx");
    int shown = browser.activeFilterCount();
    List<String> names = browser.taskNames();
    assertThat((long) shown).isEqualTo(rest.count("kx", "/engine-rest/task/count?candidateGroup=kx"));
    assertThat(names).hasSize(shown).isNotEmpty().noneMatch(n -> n.contains(NO6));
    assertThat(rest.get("kx", "/engine-rest/task?processInstanceBusinessKey=" + TASK6)).isEmpty();
    browser.screenshot("kx-tasklist-without-task-6");

    // and a link to one of task 6's tasks opens nothing
    String foreignTask = open.keySet().iterator().next();
    browser.driver().get(browserBase() + "/camunda/app/tasklist/default/#/?task=" + foreignTask);
    browser.until("Tasklist refuses the foreign task", d -> browser.notifications().stream()
        .anyMatch(n -> n.contains("No matching task") || n.contains("does not exist")));
    assertThat(browser.driver().findElements(Browser.TASK_TITLE)).isEmpty();
    browser.screenshot("kx-opens-task-6-link");
  }

  @Test
  @Order(4)
  void supportingUnitReportsItsContribution() throws Exception {
    assertThat(openTasksOfTask6("Task_SubmitContribution").values()).as("task 6's 配合 steps")
        .containsExactlyInAnyOrder("rhjn", "rhlw", "ybjzb");
    browser.login("tasklist", "rhjn");
    assertThat(browser.taskNames()).anyMatch(n -> n.startsWith(NO6 + "报送配合情况（人民银行济南分行营管部）"));
    browser.openTask(NO6 + "报送配合情况");
    browser.claim();
    assertThat(browser.formTexts()).contains("本单位角色", "配合单位（协办）");
    browser.type("Field_Contribution", CONTRIBUTION);
    browser.screenshot("rhjn-contribution");
    browser.complete();

    // the other two supporting units answer through the API Tasklist uses
    for (Map.Entry<String, String> task : openTasksOfTask6("Task_SubmitContribution").entrySet()) {
      rest.submitForm(task.getValue(), task.getKey(),
          "{\"contribution\":{\"value\":\"配合推进科创金融改革试验区建设，按期报送工作进展。\"}}");
    }
    assertThat(openTasksOfTask6(null)).containsOnlyKeys(openTasksOfTask6("Task_SubmitReport").keySet())
        .containsValue("jrj");
  }

  @Test
  @Order(5)
  void leadUnitSubmitsItsReport() throws Exception {
    browser.login("tasklist", "jrj");
    browser.openTask(NO6 + "报送办理情况");
    browser.claim();
    assertThat(browser.formTexts()).contains("会同/配合单位报送情况", CONTRIBUTION);
    browser.choose("报送办理情况");
    browser.select("Field_ReportStatus", "基本完成");
    browser.type("Field_ReportSummary", MARKUP_SUMMARY);
    if (browser.shown("Field_AchievedFigures")) {
      browser.type("Field_AchievedFigures", "专营机构12家");
    }
    browser.screenshot("jrj-report");
    browser.complete();
    assertThat(openTasksOfTask6("Task_ReviewReport")).containsValue("supervision");
  }

  @Test
  @Order(6)
  void officeReturnsTheReportThenApprovesAndTheJointOfficeSignsOff() throws Exception {
    browser.login("tasklist", "supervisor");
    browser.openTask(NO6 + "审核报送材料");
    browser.claim();
    assertThat(browser.formTexts()).contains("基本完成");
    // the unit's words appear literally, and nothing of them became an element of the page
    assertThat(browser.formTexts()).contains("工作完成情况", MARKUP_SUMMARY);
    // the form's own labels are bold; none of the unit's words is
    assertThat(browser.countInForm("b")).isZero();
    assertThat(browser.countInForm("strong")).isPositive();
    assertThat(browser.elementsInFormContaining("strong", "请直接办结")).isZero();
    assertThat(browser.elementsInFormContaining("*", "审核已通过")).isZero();
    assertThat(browser.countInForm("img")).isZero();
    assertThat(browser.countInForm("a[href*='evil.example']")).isZero();
    assertThat(browser.js("return window.duban_xss === undefined")).isEqualTo(true);
    browser.screenshot("supervisor-sees-summary-as-text");
    browser.choose("退回修改");
    browser.type("Field_ReviewComment", RETURN_COMMENT);
    browser.screenshot("supervisor-returns-report");
    browser.complete();

    browser.login("tasklist", "jrj");
    browser.openTask(NO6 + "报送办理情况");
    assertThat(browser.formTexts()).contains("督查室退回意见（第1轮）", RETURN_COMMENT);
    browser.screenshot("jrj-sees-return-comment");
    browser.claim();
    browser.choose("报送办理情况");
    browser.select("Field_ReportStatus", "已完成");
    browser.replace("Field_ReportSummary", FINAL_SUMMARY);
    if (browser.shown("Field_AchievedFigures")) {
      browser.replace("Field_AchievedFigures", "专营机构12家");
    }
    browser.complete();

    browser.login("tasklist", "supervisor");
    browser.openTask(NO6 + "审核报送材料");
    browser.claim();
    assertThat(browser.formTexts()).contains(FINAL_SUMMARY);
    browser.choose("审核通过");
    browser.type("Field_ReviewComment", "材料齐全，同意办结。");
    browser.complete();

    browser.login("tasklist", "leader");
    browser.openTask(NO6 + "办结销号");
    browser.claim();
    browser.choose("同意办结销号");
    browser.type("Field_SignOffComment", "同意销号。");
    browser.screenshot("leader-signs-off");
    browser.complete();

    assertThat(rest.get("supervisor", "/engine-rest/process-instance?businessKey=" + TASK6)).isEmpty();
    JsonNode history = rest.get("supervisor", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + TASK6);
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("state").asText()).isEqualTo("COMPLETED");
    // imported before the deadline, worked through after it and after the end of 2026
    assertThat(history.get(0).get("startTime").asText()).startsWith(EngineClock.IMPORTED_AT.toLocalDate().toString());
    assertThat(history.get(0).get("endTime").asText()).startsWith(STEPS_FROM.toLocalDate().toString());
    String pi = history.get(0).get("id").asText();
    assertThat(historicVariable(pi, "reviewRounds").asInt()).isEqualTo(1);
    assertThat(historicVariable(pi, "outcome").asText()).isEqualTo("办结销号（已完成）");
  }

  @Test
  @Order(7)
  void supervisorSeesWhereARunningInstanceWaitsInCockpit() throws Exception {
    // JNSC2022-41 (deadline after the import) waits at both of its lead units' 签收
    JsonNode running = rest.get("supervisor", "/engine-rest/process-instance?businessKey=JNSC2022-41");
    assertThat(running).as("JNSC2022-41 running").hasSize(1);
    String pi = running.get(0).get("id").asText();
    String businessKey = running.get(0).get("businessKey").asText();
    Map<String, Integer> tokens = new HashMap<>();
    collectUserTaskTokens(rest.get("supervisor", "/engine-rest/process-instance/" + pi + "/activity-instances"), tokens);
    String activity = "Task_AcknowledgeAssignment";
    assertThat(tokens).as("JNSC2022-41's open user tasks").containsEntry(activity, 2);

    browser.login("cockpit", "supervisor");
    browser.driver().get(browserBase() + "/camunda/app/cockpit/default/#/process-instance/" + pi + "/runtime");
    browser.visible(By.cssSelector("svg g.djs-element[data-element-id='" + activity + "']"));
    assertThat(browser.driver().findElements(By.cssSelector("svg g.djs-shape")).size())
        .as("BPMN shapes drawn").isGreaterThan(20);
    for (String element : List.of("StartEvent_TaskAssigned", "Task_SubmitReport", "Task_SignOff", "EndEvent_TaskSignedOff")) {
      assertThat(browser.driver().findElements(By.cssSelector("svg g.djs-element[data-element-id='" + element + "']")))
          .as(element).hasSize(1);
    }
    By badge = By.cssSelector(".djs-overlays[data-container-id='" + activity + "'] .badge.instance-count");
    String expected = String.valueOf(tokens.get(activity));
    browser.until("token badge on " + activity + " shows " + expected,
        d -> d.findElements(badge).stream().anyMatch(b -> b.isDisplayed() && expected.equals(b.getText().trim())));
    assertThat(browser.visible(By.cssSelector("body")).getText()).contains(businessKey, "督办任务办理流程");
    browser.screenshot("cockpit-token-at-" + activity);

    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]/li/a[normalize-space(.)='变量']"));
    String taskNumber = rest.get("supervisor", "/engine-rest/process-instance/" + pi + "/variables/taskNumber")
        .get("value").asText();
    browser.until("variables listed", d -> !d.findElements(By.cssSelector("table.cam-table tbody td.col-name")).isEmpty());
    if (variableRow("taskNumber") == null) {
      // a page holds 50 variables sorted by name, taskNumber near the end: sort the other way round
      browser.click(By.xpath("//table[contains(@class,'cam-table')]/thead//td[span[contains(@class,'name')]]"
          + "/a[starts-with(@ng-click,'changeOrder')]"));
    }
    String shownNumber = browser.until("taskNumber listed", d -> variableValue("taskNumber"));
    String shownTitle = browser.until("taskTitle listed", d -> variableValue("taskTitle"));
    assertThat(shownNumber).isEqualTo(taskNumber);
    assertThat(shownTitle).containsPattern("\\p{IsHan}");
    browser.until("taskNumber in view", d -> {
      WebElement row = variableRow("taskNumber");
      if (row != null) {
        browser.scrollToCenter(row);
      }
      return row != null;
    });
    browser.screenshot("cockpit-variables");
  }

  @Test
  @Order(8)
  void supervisorSeesEveryMemberTrackOfACollectiveTaskInCockpit() throws Exception {
    // JNSC2022-13: 各区县政府、功能区管委会 lead, broken down into 15 members; each member's step carries its name
    String pi = rest.get("supervisor", "/engine-rest/process-instance?businessKey=JNSC2022-13").get(0).get("id").asText();
    Map<String, Integer> tokens = new HashMap<>();
    collectUserTaskTokens(rest.get("supervisor", "/engine-rest/process-instance/" + pi + "/activity-instances"), tokens);
    String activity = tokens.entrySet().stream().filter(e -> e.getValue() == 15).map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("no step of task 13 open for 15 members: " + tokens));
    List<String> names = new ArrayList<>();
    rest.get("supervisor", "/engine-rest/task?processInstanceId=" + pi).forEach(t -> names.add(t.get("name").asText()));
    assertThat(names).hasSize(15).anyMatch(n -> n.startsWith("〔13〕") && n.contains("（历下区政府）"))
        .anyMatch(n -> n.contains("（济南高新区管委会）"));

    browser.login("cockpit", "supervisor");
    browser.driver().get(browserBase() + "/camunda/app/cockpit/default/#/process-instance/" + pi + "/runtime");
    browser.visible(By.cssSelector("svg g.djs-element[data-element-id='SubProcess_ReportPart']"));
    By badge = By.cssSelector(".djs-overlays[data-container-id='" + activity + "'] .badge.instance-count");
    browser.until("token badge on " + activity + " shows 15",
        d -> d.findElements(badge).stream().anyMatch(b -> b.isDisplayed() && "15".equals(b.getText().trim())));
    browser.screenshot("cockpit-collective-task-13");
    browser.screenshotTo(java.nio.file.Path.of("docs", "cockpit-collective-breakdown.png"));

    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]/li/a[normalize-space(.)='用户任务']"));
    // the tab lists each task under its activity's name; the task's own name, with the member, is on its buttons
    browser.until("the members' tasks listed", d -> d.findElements(By.cssSelector("tbody tr td.activity")).stream()
        .filter(c -> c.getText().trim().equals("报送办理情况")).count() == 15
        && d.findElements(By.cssSelector("tbody tr a.change-group-identity-links")).stream()
            .anyMatch(a -> String.valueOf(a.getAttribute("uib-tooltip")).contains("〔13〕报送办理情况（历下区政府）")));
    browser.screenshot("cockpit-collective-task-13-user-tasks");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private String browserBase() {
    return "http://localhost:" + port;
  }

  private String instanceOfTask6() throws Exception {
    JsonNode history = rest.get("supervisor", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + TASK6);
    return history.get(0).get("id").asText();
  }

  /** Open tasks of task 6 (all, or of one activity): task id → the candidate group it is offered to. */
  private Map<String, String> openTasksOfTask6(String activityId) throws Exception {
    String query = "/engine-rest/task?processInstanceBusinessKey=" + TASK6
        + (activityId == null ? "" : "&taskDefinitionKey=" + activityId);
    Map<String, String> tasks = new LinkedHashMap<>();
    for (JsonNode task : rest.get("demo", query)) {
      String id = task.get("id").asText();
      JsonNode links = rest.get("demo", "/engine-rest/task/" + id + "/identity-links?type=candidate");
      tasks.put(id, links.isEmpty() ? null : links.get(0).get("groupId").asText());
    }
    return tasks;
  }

  private JsonNode historicVariable(String pi, String name) throws Exception {
    JsonNode found = rest.get("supervisor", "/engine-rest/history/variable-instance?processInstanceId=" + pi
        + "&variableName=" + name);
    assertThat(found).as("historic variable %s", name).hasSize(1);
    return found.get(0).get("value");
  }

  private static void collectUserTaskTokens(JsonNode activityInstance, Map<String, Integer> tokens) {
    for (JsonNode child : activityInstance.get("childActivityInstances")) {
      if ("userTask".equals(child.get("activityType").asText())) {
        tokens.merge(child.get("activityId").asText(), 1, Integer::sum);
      }
      collectUserTaskTokens(child, tokens);
    }
  }

  private String variableValue(String name) {
    WebElement row = variableRow(name);
    return row == null ? null : row.findElement(By.cssSelector("td.col-value")).getText().trim();
  }

  private WebElement variableRow(String name) {
    return browser.driver().findElements(By.cssSelector("table tbody tr")).stream()
        .filter(r -> r.findElements(By.cssSelector("td.col-name")).stream()
            .anyMatch(c -> name.equals(c.getText().trim())))
        .findFirst().orElse(null);
  }

  /** Font families fontconfig offers for Chinese. */
  private static List<String> chineseFontFamilies() throws Exception {
    Process fcList = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
    String out = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(fcList.waitFor(20, TimeUnit.SECONDS)).isTrue();
    List<String> families = new ArrayList<>();
    for (String line : out.split("\n")) {
      for (String family : line.split(",")) {
        if (!family.isBlank()) {
          families.add(family.trim());
        }
      }
    }
    return families;
  }

  /**
   * Chinese is in the DOM and drawn with real glyphs: distinct characters render distinct bitmaps that differ from
   * the box a missing glyph gets, and the font Chromium picked for a task name's characters is one fontconfig lists
   * for Chinese.
   */
  @SuppressWarnings("unchecked")
  private static void assertReadableChinese(List<String> chineseFonts) {
    Number hanTextNodes = (Number) browser.js("""
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let n = 0;
        while (walker.nextNode()) { if (/\\p{Script=Han}/u.test(walker.currentNode.nodeValue)) n++; }
        return n;""");
    assertThat(hanTextNodes.intValue()).as("text nodes with Chinese").isGreaterThan(10);

    Map<String, Object> glyphs = (Map<String, Object>) browser.js("""
        const font = getComputedStyle(document.querySelector(arguments[0])).fontFamily;
        function bitmap(ch) {
          const c = document.createElement('canvas'); c.width = 64; c.height = 64;
          const g = c.getContext('2d');
          g.fillStyle = '#fff'; g.fillRect(0, 0, 64, 64); g.fillStyle = '#000';
          g.font = '40px ' + font; g.textBaseline = 'top'; g.fillText(ch, 4, 4);
          const d = g.getImageData(0, 0, 64, 64).data; let bits = '', ink = 0;
          for (let i = 0; i < d.length; i += 4) { const b = d[i] < 128 ? 1 : 0; bits += b; ink += b; }
          return {bits, ink};
        }
        const chars = Array.from('督办任务签收审核'), tofu = bitmap('\\u0378'), seen = new Set();
        let inked = 0, tofus = 0;
        for (const ch of chars) { const b = bitmap(ch); seen.add(b.bits); if (b.ink > 0) inked++; if (b.bits === tofu.bits) tofus++; }
        return {font, chars: chars.length, distinct: seen.size, inked, tofus};""", "ol.tasks-list li.task h4.task a");
    assertThat(((Number) glyphs.get("tofus")).intValue()).as("Chinese drawn as missing-glyph boxes: %s", glyphs).isZero();
    assertThat(((Number) glyphs.get("distinct")).intValue()).as("distinct glyphs: %s", glyphs)
        .isEqualTo(((Number) glyphs.get("chars")).intValue());
    assertThat(((Number) glyphs.get("inked")).intValue()).isEqualTo(((Number) glyphs.get("chars")).intValue());

    // the platform font Chromium actually used for the task name
    var driver = browser.driver();
    driver.executeCdpCommand("DOM.enable", Map.of());
    driver.executeCdpCommand("CSS.enable", Map.of());
    Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
    Object root = ((Map<String, Object>) document.get("root")).get("nodeId");
    Object node = driver.executeCdpCommand("DOM.querySelector",
        Map.of("nodeId", root, "selector", "ol.tasks-list li.task h4.task a")).get("nodeId");
    List<Map<String, Object>> fonts = (List<Map<String, Object>>) driver.executeCdpCommand(
        "CSS.getPlatformFontsForNode", Map.of("nodeId", node)).get("fonts");
    assertThat(fonts).as("platform fonts of a task name").anySatisfy(f ->
        assertThat(chineseFonts).contains((String) f.get("familyName")));
  }
}
