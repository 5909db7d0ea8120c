package duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit, Admin and Welcome as their users meet them in a Chinese browser (zh-CN): Chinese labels with
 * none of the English ones Camunda shows by default, a Chinese page language, duban's names, Chinese form-js
 * messages that name the field, no Camunda 8 banner; and the same apps in English for an en-US browser.
 *
 * <p>Same application as {@link BrowserE2ETest} (same configuration, so Spring starts it once for both). It only
 * claims and unclaims a task, leaving the processes as they were.
 */
@E2eApplication
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChineseWebappsE2ETest {

  /** English that Camunda's apps show by default, in the apps where our users meet it. */
  private static final List<String> TASKLIST_ENGLISH = List.of("Claim", "Unclaim", "Complete", "Add Comment",
      "Set follow-up date", "Set due date", "Start process", "Keyboard Shortcuts", "Filter Tasks", "Created",
      "Due", "Follow-up", "Form", "History", "Diagram", "Description", "Log out", "Tasks", "Assignee", "Save",
      "ago", "days", "Powered by");
  private static final List<String> COCKPIT_ENGLISH = List.of("Processes", "Human Tasks", "Process Instances",
      "Incidents", "Decisions", "Deployments", "Batches", "Running Process Instances", "Open Incidents",
      "Dashboard", "Process Definitions", "More", "Log out");
  private static final List<String> ADMIN_ENGLISH = List.of("Users", "Groups", "Authorizations", "Tenants",
      "System", "Dashboard", "Create new user", "Log out");
  private static final List<String> WELCOME_ENGLISH = List.of("Applications", "Profile", "Tasklist", "Cockpit",
      "Admin", "Change password", "Edit profile", "Links", "Log out");
  private static final List<String> LOGIN_ENGLISH = List.of("Username", "Password", "Log in", "Please Log in");

  /** Latin words a Chinese page may show: Camunda's licence notice, the time zone, task numbers like JNSC2022-6. */
  private static final Set<String> LATIN_ALLOWED = Set.of("Camunda", "Platform", "Asia", "Shanghai", "JNSC", "ID");

  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
  private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");
  private static final Path DOCS = Path.of("docs");

  private static Browser chinese;
  private static Browser english;
  private static EngineRest rest;

  @LocalServerPort int port;

  @RegisterExtension
  static final TestWatcher DUMP_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      for (Browser browser : new Browser[] {chinese, english}) {
        if (browser != null) {
          browser.dumpFailure(context.getRequiredTestMethod().getName() + (browser == english ? "-en" : ""));
        }
      }
    }
  };

  @BeforeAll
  static void needsChromiumOnCi() {
    if ("true".equalsIgnoreCase(System.getenv("CI")) && !Browser.installed()) {
      fail("CI=true and the browser tests cannot run: " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
          + " is missing; .ci/run installs them");
    }
  }

  @AfterAll
  static void closeBrowsers() {
    for (Browser browser : new Browser[] {chinese, english}) {
      if (browser != null) {
        browser.close();
      }
    }
    chinese = null;
    english = null;
  }

  /** The zh-CN browser, logged out (a step that failed may have left its user logged in). */
  private Browser chinese() throws Exception {
    if (chinese == null) {
      warmUp();
      chinese = new Browser(base(), "zh-CN");
      rest = new EngineRest(base());
    }
    chinese.driver().manage().deleteAllCookies();
    return chinese;
  }

  private Browser english() throws Exception {
    if (english == null) {
      english = new Browser(base(), "en-US");
      rest = new EngineRest(base());
    }
    english.driver().manage().deleteAllCookies();
    return english;
  }

  // ------------------------------------------------------------------------------------------------ Chinese

  @Test
  @Order(1)
  void loginPageIsChinese() throws Exception {
    Browser browser = chinese();
    browser.driver().get(base() + "/camunda/app/tasklist/default/");
    browser.visibleWithin(Browser.LOGIN_USER, Duration.ofSeconds(90)); // the first page of a cold application
    assertChinesePage(browser, "督办系统 · 任务中心", LOGIN_ENGLISH);
    assertThat(browser.driver().findElement(Browser.LOGIN_USER).getDomAttribute("placeholder")).isEqualTo("用户名");
    assertThat(browser.driver().findElement(Browser.LOGIN_PASSWORD).getDomAttribute("placeholder")).isEqualTo("密码");
    assertThat(browser.driver().findElement(Browser.LOGIN_SUBMIT).getText()).isEqualTo("登录");
  }

  @Test
  @Order(2)
  void tasklistIsChineseForAUnitUpToTheFormsMessages() throws Exception {
    Browser browser = chinese();
    JsonNode task = acknowledgementOf("jrj");
    browser.login("tasklist", "jrj");
    browser.until("task list with its dates", d -> bodyText(browser).contains("前创建") ? true : null);
    String list = bodyText(browser);
    assertThat(list).containsPattern("(\\d+ |几)(秒|分钟|小时|天|个月|年)前创建");
    if (task.hasNonNull("due")) {
      assertThat(list).containsPattern("\\d+ (分钟|小时|天|个月|年)[前后]到期");
    }

    browser.openTask(task.get("name").asText());
    assertThat(browser.visible(Browser.CLAIM).getText()).isEqualTo("认领");
    assertChinesePage(browser, "督办系统 · 任务中心", TASKLIST_ENGLISH);
    browser.claim();
    try {
      assertThat(browser.visible(Browser.COMPLETE).getText()).isEqualTo("完成");

      browser.clickComplete();
      String required = browser.until("message under 签收意见",
          d -> browser.fieldErrors().get("Field_AckDecision"));
      assertThat(required).isEqualTo("「签收意见」为必填项");

      browser.choose("签收");
      browser.type("Field_WorkPlan", "尽快推进");
      String tooShort = browser.until("message under 工作计划", d -> browser.fieldErrors().get("Field_WorkPlan"));
      assertThat(tooShort).isEqualTo("「工作计划」至少 10 个字");
      for (String message : browser.fieldErrors().values()) {
        assertThat(message).as("form message").doesNotContainPattern("[A-Za-z]").containsPattern("「.+」");
      }
      assertChinesePage(browser, "督办系统 · 任务中心", TASKLIST_ENGLISH);
      browser.screenshotTo(DOCS.resolve("tasklist-zh.png"));
      browser.screenshot("zh-tasklist-form-messages");
    } finally {
      giveBack(task);
      browser.logout();
    }
  }

  @Test
  @Order(3)
  void cockpitIsChineseForTheSupervisor() throws Exception {
    Browser browser = chinese();
    browser.login("cockpit", "supervisor");
    browser.until("dashboard drawn", d -> bodyText(browser).contains("流程") ? true : null);
    assertChinesePage(browser, "督办系统 · 监控中心", COCKPIT_ENGLISH, null);
    browser.screenshotTo(DOCS.resolve("cockpit-zh.png"));
    browser.screenshot("zh-cockpit-dashboard");

    browser.driver().get(base() + "/camunda/app/cockpit/default/#/processes");
    browser.until("process definitions listed", d -> bodyText(browser).contains("督办任务办理流程") ? true : null);
    assertChinesePage(browser, "督办系统 · 监控中心", COCKPIT_ENGLISH, null);
    browser.screenshot("zh-cockpit-processes");
    browser.logout();
  }

  @Test
  @Order(4)
  void adminIsChineseForTheAdministratorWhoAloneSeesCamundasVersion() throws Exception {
    Browser browser = chinese();
    browser.login("admin", "demo");
    browser.until("admin dashboard", d -> bodyText(browser).contains("用户组") ? true : null);
    assertChinesePage(browser, "督办系统 · 系统管理", ADMIN_ENGLISH, null);
    assertThat(versionShown(browser)).as("Camunda's version in Admin's footer").isTrue();

    browser.driver().get(base() + "/camunda/app/admin/default/#/users");
    browser.until("users listed", d -> bodyText(browser).contains("用户列表") ? true : null);
    assertChinesePage(browser, "督办系统 · 系统管理", ADMIN_ENGLISH, null);
    browser.screenshot("zh-admin-users");
    browser.logout();
  }

  @Test
  @Order(5)
  void welcomeIsChineseForAUnitWithoutCamundasVersion() throws Exception {
    Browser browser = chinese();
    browser.login("welcome", "jrj");
    browser.until("welcome page", d -> bodyText(browser).contains("任务中心") ? true : null);
    assertChinesePage(browser, "督办系统 · 门户", WELCOME_ENGLISH, Set.of("jrj")); // 登录用户名：jrj
    assertThat(versionShown(browser)).as("Camunda's version shown to a unit").isFalse();
    browser.screenshot("zh-welcome");
    browser.logout();
  }

  // ------------------------------------------------------------------------------------------------ English

  @Test
  @Order(6)
  void anEnglishBrowserGetsEnglishEverywhere() throws Exception {
    Browser browser = english();
    JsonNode task = acknowledgementOf("jrj");
    browser.login("tasklist", "jrj");
    browser.openTask(task.get("name").asText());
    assertEnglishPage(browser, "Duban · Tasks");
    assertThat(browser.visible(Browser.CLAIM).getText()).isEqualTo("Claim");
    browser.claim();
    try {
      browser.clickComplete();
      String required = browser.until("message under 签收意见", d -> browser.fieldErrors().get("Field_AckDecision"));
      assertThat(required).isEqualTo("Field is required.");
      assertThat(visibleTexts(browser)).contains("Complete", "Add Comment", "Created", "Set follow-up date");
    } finally {
      giveBack(task);
      browser.logout();
    }

    browser.login("cockpit", "supervisor");
    browser.until("dashboard", d -> bodyText(browser).contains("Processes") ? true : null);
    assertEnglishPage(browser, "Duban · Monitoring");
    assertThat(bodyText(browser)).contains("Process Definitions", "Decisions");
    browser.logout();

    browser.login("admin", "demo");
    browser.until("admin dashboard", d -> bodyText(browser).contains("Authorizations") ? true : null);
    assertEnglishPage(browser, "Duban · Administration");
    assertThat(bodyText(browser)).contains("Users", "Groups");
    browser.logout();

    browser.login("welcome", "jrj");
    browser.until("welcome page", d -> bodyText(browser).contains("Applications") ? true : null);
    assertEnglishPage(browser, "Duban · Home");
    browser.logout();
    assertThat(bodyText(browser)).contains("Log in");
    assertThat(loginPlaceholder(browser)).isEqualTo("Username");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private void assertChinesePage(Browser browser, String title, List<String> englishShownByDefault) {
    assertChinesePage(browser, title, englishShownByDefault, Set.of());
  }

  /**
   * Also no Latin word at all but those in {@code data} (a login id) and {@link #LATIN_ALLOWED}, where a page shows
   * no ids: Tasklist and Welcome. Cockpit and Admin list process keys and user ids, so there only the English
   * Camunda shows by default is looked for ({@code data == null}).
   */
  private void assertChinesePage(Browser browser, String title, List<String> englishShownByDefault, Set<String> data) {
    assertThat(lang(browser)).as("html lang").startsWith("zh");
    assertThat(browser.driver().getTitle()).as("page title").startsWith(title);
    assertThat(bannerShown(browser)).as("Camunda 8 migration banner shown").isFalse();
    if (!browser.driver().findElements(Browser.ACCOUNT_MENU).isEmpty()) {
      assertThat((String) browser.js("return getComputedStyle(document.querySelector('.brand-logo'), '::before').content;"))
          .as("duban's text mark").isEqualTo("\"督办\"");
    }
    String text = visibleTexts(browser);
    for (String phrase : englishShownByDefault) {
      assertThat(text).as("Camunda's English on a Chinese page").doesNotContainPattern("\\b" + Pattern.quote(phrase) + "\\b");
    }
    if (data == null) {
      return;
    }
    Set<String> latin = new TreeSet<>();
    Matcher words = LATIN_WORD.matcher(EMAIL.matcher(text).replaceAll(" ")); // users' e-mail addresses are data
    while (words.find()) {
      if (!LATIN_ALLOWED.contains(words.group()) && !data.contains(words.group())) {
        latin.add(words.group());
      }
    }
    assertThat(latin).as("English words on a Chinese page").isEmpty();
  }

  private void assertEnglishPage(Browser browser, String title) {
    assertThat(lang(browser)).as("html lang").isEqualTo("en");
    assertThat(browser.driver().getTitle()).as("page title").startsWith(title);
    assertThat(bannerShown(browser)).as("Camunda 8 migration banner shown").isFalse();
    assertThat(bodyText(browser)).as("our Chinese labels on an English page")
        .doesNotContain("退出登录", "认领", "发起流程", "用户名", "任务中心", "监控中心", "系统管理");
  }

  private static String lang(Browser browser) {
    return (String) browser.js("return document.documentElement.lang;");
  }

  private static boolean bannerShown(Browser browser) {
    return Boolean.TRUE.equals(browser.js("""
        return Array.from(document.querySelectorAll('.ce-eol-banner')).some(e => e.offsetParent !== null)
          || document.body.innerText.includes('Camunda 8');"""));
  }

  private static boolean versionShown(Browser browser) {
    return Boolean.TRUE.equals(browser.js("""
        return Array.from(document.querySelectorAll('[cam-widget-footer] .version'))
          .some(e => e.offsetParent !== null && /7\\.24/.test(e.innerText));"""));
  }

  private static String bodyText(Browser browser) {
    return (String) browser.js("return document.body.innerText;");
  }

  private static String loginPlaceholder(Browser browser) {
    return browser.driver().findElement(Browser.LOGIN_USER).getDomAttribute("placeholder");
  }

  /** What a user reads: the page's text, input placeholders, and the tooltips and labels of what is shown. */
  private static String visibleTexts(Browser browser) {
    return (String) browser.js("""
        const shown = e => e.offsetParent !== null;
        const names = ['placeholder', 'title', 'aria-label', 'uib-tooltip'];
        // a task card's variable labels have the variable's name as their tooltip: the filter's data, not a label
        const attributes = Array.from(document.querySelectorAll(names.map(n => '[' + n + ']').join(',')))
          .filter(e => shown(e) && !e.matches('.variable-label'))
          .filter(e => !/^[\\w.]+\\.[\\w.]+$/.test(e.getAttribute('uib-tooltip') || '')) // an unevaluated expression
          .flatMap(e => names.map(a => e.getAttribute(a)).filter(v => v && !v.includes('{{')));
        return [document.title, document.body.innerText, ...attributes].join('\\n');""");
  }

  /**
   * The webapps' plugin API starts on its first request; on a cold, busy machine that takes longer than RequireJS
   * waits for a plugin script, and the first page stays blank (F5 would help). Warm it as a first visitor would.
   */
  private void warmUp() throws Exception {
    EngineRest http = new EngineRest(base());
    for (String plugin : List.of("tasklist/plugin/tasklistPlugins", "cockpit/plugin/cockpitPlugins",
        "admin/plugin/adminPlugins")) {
      http.call("demo", "GET", "/camunda/api/" + plugin + "/static/app/plugin.js", null);
    }
  }

  /** Units may claim but not unclaim: the administrator gives the task back, as it was before the test. */
  private void giveBack(JsonNode task) throws Exception {
    int status = rest.call("demo", "POST", "/engine-rest/task/" + task.get("id").asText() + "/unclaim", null).statusCode();
    assertThat(status).as("unclaim as demo").isEqualTo(204);
  }

  /** A 签收 task the unit may claim (task 6 is BrowserE2ETest's; any other of the unit's first). */
  private JsonNode acknowledgementOf(String unit) throws Exception {
    JsonNode tasks = rest.get(unit, "/engine-rest/task?taskDefinitionKey=Task_AcknowledgeAssignment&candidateGroup="
        + unit + "&sortBy=name&sortOrder=asc");
    assertThat(tasks).as("签收 tasks of %s", unit).isNotEmpty();
    for (JsonNode task : tasks) {
      if (!task.get("name").asText().startsWith("〔6〕")) {
        return task;
      }
    }
    return tasks.get(0);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
