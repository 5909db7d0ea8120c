package duban.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver, with the moves a user makes in Camunda's webapps:
 * log in and out, open a task from the list, claim it, fill a Camunda Form, complete it. Never downloads anything:
 * both executables are given explicitly, so Selenium Manager is not even started (and is told to stay offline).
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  static final By LOGIN_USER = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  static final By LOGIN_PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  static final By LOGIN_SUBMIT = By.cssSelector("form[name='signinForm'] button[type='submit']");
  static final By ACCOUNT_MENU = By.cssSelector("li.account .dropdown-toggle");
  static final By LOGOUT = By.cssSelector("li.account li.logout a");

  static final By ACTIVE_FILTER = By.cssSelector(".task-filters .task-filter.active");
  static final By ACTIVE_FILTER_COUNT = By.cssSelector(".task-filters .task-filter.active .counter");
  static final By TASK_LINKS = By.cssSelector("ol.tasks-list li.task h4.task a");
  static final By TASK_TITLE = By.cssSelector(".task-details .task-card h2.task");
  static final By NO_TASK = By.cssSelector(".task-details .no-task");
  static final By CLAIM = By.cssSelector(".task-details button.claim");
  static final By UNCLAIM = By.cssSelector(".task-details button.unclaim");
  static final By FORM = By.cssSelector(".task-details .fjs-container form.fjs-form");
  static final By COMPLETE = By.cssSelector(".task-details .form-actions button.btn-primary");
  static final By ERROR_NOTIFICATIONS = By.cssSelector(".notifications-panel .alert-danger, [notifications-panel] .alert-danger");
  static final By CLOSE_NOTIFICATION = By.cssSelector("button[ng-click='removeNotification(notification)']");

  private static final Pattern TASK_IN_URL = Pattern.compile("[?&]task=([0-9a-f-]+)");

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String base;
  private final Path profile;
  private static int shots; // one numbering for all browsers of a run
  private static boolean screenshotsCleaned;

  Browser(String base) throws IOException {
    this(base, "zh-CN");
  }

  /** A browser whose user prefers the given language (zh-CN, en-US): its UI language and Accept-Language. */
  Browser(String base, String language) throws IOException {
    this.base = base;
    // Selenium Manager reads SE_* system properties as its environment; it is not used, and must never download.
    System.setProperty("SE_OFFLINE", "true");
    Path target = Files.createDirectories(Path.of("target"));
    profile = Files.createTempDirectory(target, "e2e-chromium-profile-");
    Files.createDirectories(SCREENSHOTS);
    cleanScreenshotsOnce();
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        // dates in Tasklist and Cockpit as Jinan reads them
        .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1600,1000", "--lang=" + language, "--user-data-dir=" + profile.toAbsolutePath());
    // navigator.languages, which the webapps read, comes from this preference rather than from --lang
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL); // the console, saved beside a failed step's screenshot
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    // Tasklist re-renders its list on every refresh and form-js its fields on every keystroke: elements found a
    // moment ago may be gone, so every wait retries on a stale element, and every action runs inside a wait.
    wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Screenshots of an earlier run would mix with this run's; later browsers of the same run keep the first's. */
  private static synchronized void cleanScreenshotsOnce() throws IOException {
    if (screenshotsCleaned) {
      return;
    }
    try (var old = Files.list(SCREENSHOTS)) {
      for (Path file : old.toList()) {
        Files.deleteIfExists(file);
      }
    }
    screenshotsCleaned = true;
  }

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  ChromeDriver driver() {
    return driver;
  }

  <T> T until(String what, Function<WebDriver, T> condition) {
    return wait.withMessage(what).until(condition);
  }

  WebElement visible(By by) {
    return wait.withMessage("visible: " + by).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement visibleWithin(By by, Duration timeout) {
    WebDriverWait longer = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    longer.ignoring(StaleElementReferenceException.class);
    return longer.withMessage("visible within " + timeout + ": " + by).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  // ---------------------------------------------------------------- log in and out

  /** Opens a webapp ("tasklist", "cockpit") and logs in, logging out whoever was logged in before. */
  /**
   * Loads a webapp until its login form or account menu shows. The first page of a fresh application on a busy
   * machine can take longer than a step's wait, and a cold app has been seen to stall at its spinner (RequireJS's
   * module load timeout): it is loaded again then, three times at most.
   */
  void warmUp(String app) {
    for (int attempt = 0; attempt < 3; attempt++) {
      driver.get(base + "/camunda/app/" + app + "/default/");
      try {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(
            d -> !d.findElements(LOGIN_USER).isEmpty() || !d.findElements(ACCOUNT_MENU).isEmpty());
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        System.err.println(app + " not loaded after 90 s, loading it again");
      }
    }
  }

  void login(String app, String user) {
    driver.get(base + "/camunda/app/" + app + "/default/");
    until("login form or account menu in " + app,
        d -> !d.findElements(LOGIN_USER).isEmpty() || !d.findElements(ACCOUNT_MENU).isEmpty());
    if (!driver.findElements(ACCOUNT_MENU).isEmpty()) {
      logout();
    }
    WebElement name = visible(LOGIN_USER);
    name.clear();
    name.sendKeys(user);
    driver.findElement(LOGIN_PASSWORD).sendKeys("demo");
    driver.findElement(LOGIN_SUBMIT).click();
    visible(ACCOUNT_MENU);
  }

  void logout() {
    click(ACCOUNT_MENU);
    click(LOGOUT);
    visible(LOGIN_USER);
  }

  // ---------------------------------------------------------------- Tasklist

  /** The number Tasklist shows beside the focused filter, once it has counted. */
  int activeFilterCount() {
    String text = until("count of the focused filter",
        d -> first(d, ACTIVE_FILTER_COUNT).map(WebElement::getText).filter(t -> t.matches("\\d+")).orElse(null));
    return Integer.parseInt(text);
  }

  /** Names of the tasks in the list, once the list has loaded (possibly empty). */
  List<String> taskNames() {
    return until("task list loaded", d -> {
      List<WebElement> links = d.findElements(TASK_LINKS);
      if (links.isEmpty() && d.findElements(By.cssSelector(".tasks-list .well")).isEmpty()) {
        return null;
      }
      return links.stream().map(a -> a.getDomProperty("textContent").trim()).toList();
    });
  }

  /** Opens the first task in the list whose name contains the text; returns its id. */
  String openTask(String nameContains) {
    until("task in the list: " + nameContains, d -> {
      WebElement link = d.findElements(TASK_LINKS).stream()
          .filter(a -> a.getDomProperty("textContent").contains(nameContains)).findFirst().orElse(null);
      if (link == null) {
        return null;
      }
      scrollToCenter(link);
      link.click();
      return true;
    });
    until("task opened: " + nameContains,
        d -> first(d, TASK_TITLE).filter(h -> h.getText().contains(nameContains)).isPresent());
    visible(FORM);
    return until("task id in the URL", d -> {
      Matcher m = TASK_IN_URL.matcher(d.getCurrentUrl());
      return m.find() ? m.group(1) : null;
    });
  }

  void claim() {
    click(CLAIM);
    visible(UNCLAIM);
    until("complete button enabled after claiming", d -> completeEnabled());
  }

  /** Clicks Complete (after closing notifications that might cover it). */
  void clickComplete() {
    dismissNotifications();
    click(COMPLETE);
  }

  /** Completes the open task and waits until Tasklist has let go of it; fails with Tasklist's message if refused. */
  void complete() {
    clickComplete();
    boolean completed = until("task completed (or refused)", d -> {
      if (d.findElements(NO_TASK).stream().anyMatch(WebElement::isDisplayed)) {
        return true;
      }
      return d.findElements(ERROR_NOTIFICATIONS).stream().anyMatch(WebElement::isDisplayed) ? false : null;
    });
    if (!completed) {
      throw new AssertionError("Tasklist did not complete the task: " + notifications());
    }
  }

  boolean completeEnabled() {
    return Boolean.TRUE.equals(js("const b = document.querySelector(arguments[0]); return !!b && !b.disabled;",
        ".task-details .form-actions button.btn-primary"));
  }

  /** Form-js error messages shown under the fields: component id → message. */
  @SuppressWarnings("unchecked")
  Map<String, String> fieldErrors() {
    List<List<String>> shown = (List<List<String>>) js("""
        return Array.from(document.querySelectorAll('.task-details .fjs-form-field-error'))
          .map(e => [e.id, e.innerText.trim()]).filter(p => p[1]);""");
    Map<String, String> errors = new LinkedHashMap<>();
    shown.forEach(p -> errors.put(p.get(0).replaceAll("^.*-(Field_[A-Za-z]+)-error-message$", "$1"), p.get(1)));
    return errors;
  }

  void dismissNotifications() {
    until("notifications closed", d -> {
      for (WebElement close : d.findElements(CLOSE_NOTIFICATION)) {
        if (close.isDisplayed()) {
          close.click();
        }
      }
      return d.findElements(CLOSE_NOTIFICATION).stream().noneMatch(WebElement::isDisplayed);
    });
  }

  @SuppressWarnings("unchecked")
  List<String> notifications() {
    return (List<String>) js("""
        return Array.from(document.querySelectorAll('.notifications-panel .alert, [notifications-panel] .alert'))
          .filter(e => e.offsetParent !== null).map(e => e.innerText.trim());""");
  }

  // ---------------------------------------------------------------- Camunda Forms (form-js) fields

  /** A form-js input by its component id (the form prefixes every id with a random form id). */
  static By field(String componentId) {
    return By.cssSelector(".task-details .fjs-form [id$='-" + componentId + "']");
  }

  static By radio(String label) {
    return By.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' task-details ')]"
        + "//div[contains(@class,'fjs-form-field-radio')]"
        + "//label[normalize-space(.)='" + label + "']/input[@type='radio']");
  }

  void choose(String radioLabel) {
    click(radio(radioLabel));
    until("radio checked: " + radioLabel, d -> d.findElement(radio(radioLabel)).isSelected());
  }

  void type(String componentId, String text) {
    input(componentId).sendKeys(text);
    until(componentId + " holds " + text, d -> value(componentId).contains(text));
  }

  void replace(String componentId, String text) {
    WebElement input = input(componentId);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
    until(componentId + " = " + text, d -> text.equals(value(componentId)));
  }

  /** A form field, focused and in view. */
  private WebElement input(String componentId) {
    return until("editable: " + componentId, d -> {
      WebElement input = d.findElement(field(componentId));
      if (!input.isDisplayed() || !input.isEnabled()) {
        return null;
      }
      scrollToCenter(input);
      input.click();
      return input;
    });
  }

  String value(String componentId) {
    return driver.findElement(field(componentId)).getDomProperty("value");
  }

  boolean shown(String componentId) {
    return !driver.findElements(field(componentId)).isEmpty();
  }

  /** Picks an option of a form-js select, which is a dropdown list rather than a native select. */
  void select(String componentId, String option) {
    click(field(componentId + "-display"));
    click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"));
    until(componentId + " shows " + option,
        d -> option.equals(d.findElement(field(componentId + "-display")).getText().trim()));
  }

  /**
   * The read-only parts of the form: its text blocks (context, labels) and the disabled fields that show what units
   * wrote (summaries, comments, contributions), each as its label and its value.
   */
  String formTexts() {
    List<String> texts = new java.util.ArrayList<>(driver.findElements(
        By.cssSelector(".task-details .fjs-form-field-text")).stream().map(WebElement::getText).toList());
    for (WebElement shown : driver.findElements(By.cssSelector(".task-details .fjs-form-field textarea[disabled]"))) {
      WebElement field = shown.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
      texts.add(field.getText() + "\n" + shown.getDomProperty("value"));
    }
    return String.join("\n", texts);
  }

  /** How many elements of the task's form with this tag ({@code *} for any) have a text node containing the text. */
  int elementsInFormContaining(String tag, String text) {
    return driver.findElements(By.xpath("//*[contains(@class,'task-details')]//*[contains(@class,'fjs-form')]//" + tag
        + "[text()[contains(., '" + text + "')]]")).size();
  }

  /** How many elements of the given CSS selector the task's form holds. */
  int countInForm(String selector) {
    return driver.findElements(By.cssSelector(".task-details .fjs-form " + selector)).size();
  }

  // ---------------------------------------------------------------- general

  /** Clicks an element once it is shown and enabled, scrolled to the middle of its container, retrying while covered. */
  void click(By by) {
    until("click: " + by, d -> {
      WebElement element = d.findElements(by).stream().findFirst().orElse(null);
      if (element == null || !element.isDisplayed() || !element.isEnabled()) {
        return null;
      }
      scrollToCenter(element);
      try {
        element.click();
        return true;
      } catch (ElementClickInterceptedException covered) {
        // a notification toast was in the way (the fixed footer is avoided by scrolling to the middle)
        d.findElements(CLOSE_NOTIFICATION).stream().filter(WebElement::isDisplayed).forEach(WebElement::click);
        return null;
      }
    });
  }

  void scrollToCenter(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
  }

  /** Saves a numbered screenshot, e.g. target/e2e-screenshots/03-ack-required.png, and returns its path. */
  Path screenshot(String name) throws IOException {
    Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name));
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** Saves a screenshot to the given file (the README's pictures under docs/). */
  void screenshotTo(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Screenshot and DOM of the page as it is, for a test that failed. */
  void dumpFailure(String name) {
    try {
      Files.write(SCREENSHOTS.resolve("FAILED-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve("FAILED-" + name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      Files.write(SCREENSHOTS.resolve("FAILED-" + name + ".console.txt"), driver.manage().logs().get(LogType.BROWSER)
          .getAll().stream().map(LogEntry::toString).toList(), StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      System.err.println("could not save the failed page: " + e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }

  private static Optional<WebElement> first(WebDriver d, By by) {
    return d.findElements(by).stream().findFirst();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteQuietly(profile);
    }
  }
}
