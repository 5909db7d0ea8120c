package duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import duban.plan.TableFixtures;
import duban.plan.TableFixtures.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit page 导入任务分工表 walked by the supervision office in a real headless Chromium: upload a Word table from
 * another city, see its problems marked, fix a column's role, map one unknown unit as an alias, create the other,
 * import, and follow the link to the new plan. Shares the application of {@link BrowserE2ETest} (same configuration).
 */
@E2eApplication
class ImportBrowserTest {

  static final By TASK_ROWS = By.cssSelector("[data-duban='tasks'] tr[data-row]");
  static final By SUMMARY = By.cssSelector("[data-duban='summary']");
  static final By MESSAGE = By.cssSelector("[data-duban='message'] .message");

  @LocalServerPort int port;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  Browser browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  static Path qingdaoTable() throws Exception {
    Table table = new Table(List.of("2024年青岛市“双创”工作任务分工表"),
        List.of("序号", "事项", "具体措施", "时间节点", "牵头部门", "配合部门"),
        List.of(List.of("一、平台建设（共2项）"),
            List.of("1", "（1）建设创业平台。", "建设青岛创业平台。", "年内", "青岛市科学技术局", "青岛市财政局"),
            List.of("2", "", "建设孵化器。", "2024年6月底前启动，2025年底前完成", "青岛市科学技术局", "")), 1);
    Path file = Files.createDirectories(Path.of("target", "e2e-import")).resolve("青岛任务分工表.docx");
    Files.write(file, TableFixtures.docx(table, true));
    return file.toAbsolutePath();
  }

  @Test
  void officeImportsAWordTableMappingOneUnitAndCreatingAnother() throws Exception {
    Path file = qingdaoTable();
    browser = new Browser("http://localhost:" + port);
    try {
      walk(file);
    } catch (AssertionError | RuntimeException e) {
      System.err.println("resources loaded: " + browser.js("return performance.getEntriesByType('resource')"
          + ".map(r => r.name + ' ' + Math.round(r.duration) + 'ms').join('\\n')"));
      try {
        browser.driver().manage().logs().get("browser").forEach(entry -> System.err.println("console: " + entry));
      } catch (RuntimeException noLogs) {
        System.err.println("no browser log: " + noLogs);
      }
      System.err.println("errors: " + browser.js("return String(window.__dubanErrors || '')"));
      browser.dumpFailure("import-page");
      throw e;
    }
  }

  private void walk(Path file) throws Exception {
    // On a busy machine Cockpit's first load can exceed RequireJS's module timeout ("Load timeout for modules:
    // cockpit-plugin-…"); a reload finds the scripts in the browser cache.
    for (int attempt = 1; ; attempt++) {
      browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      try {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60)).until(
            d -> !d.findElements(Browser.LOGIN_USER).isEmpty() || !d.findElements(Browser.ACCOUNT_MENU).isEmpty());
        break;
      } catch (org.openqa.selenium.TimeoutException slow) {
        if (attempt == 4) {
          throw slow;
        }
      }
    }
    browser.login("cockpit", "supervisor");
    browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/duban-import");
    browser.visible(By.cssSelector("[data-duban='file']")).sendKeys(file.toString());

    // 1. the preview, with the unknown units marked on their rows and cells
    browser.until("preview rows", d -> d.findElements(TASK_ROWS).size() == 2);
    assertThat(browser.visible(SUMMARY).getText()).isEqualTo("3 处错误须修正后才能导入");
    assertThat(browser.driver().findElements(By.cssSelector("[data-duban='tasks'] tr.error"))).hasSize(2);
    assertThat(browser.driver().findElement(By.cssSelector("tr[data-number='1'] td[data-field='lead']"))
        .getDomAttribute("class")).isEqualTo("bad");
    assertThat(browser.driver().findElement(By.cssSelector("tr[data-number='1'] td[data-field='supporting']"))
        .getDomAttribute("class")).isEqualTo("bad");
    assertThat(browser.driver().findElement(By.cssSelector("[data-duban='problems']")).getText())
        .contains("第3行（序号 1）【牵头单位】单位「青岛市科学技术局」不在单位目录中");
    assertThat(browser.driver().findElement(By.cssSelector("[data-duban='import']")).isEnabled()).isFalse();
    browser.screenshot("import-preview-problems");

    // 2. 事项 was not recognised: make it the item column
    assertThat(cell(1, "item").getText()).isEqualTo("平台建设"); // without an item column, the section is the item
    new Select(browser.visible(By.cssSelector("select[data-column='事项']"))).selectByValue("item");
    browser.until("items read after the role change", d -> "建设创业平台。".equals(cell(1, "item").getText()));

    // 3. 青岛市财政局 is written for 市财政局: an alias, the suggestion offered first
    Select alias = new Select(browser.visible(By.cssSelector("select[data-alias-for='青岛市财政局']")));
    assertThat(alias.getOptions().get(1).getText()).startsWith("建议：济南市财政局");
    alias.selectByValue("czj");
    browser.click(By.cssSelector("button[data-map='青岛市财政局']"));
    browser.until("alias saved", d -> text(MESSAGE).contains("已将「青岛市财政局」设为「济南市财政局」的别名"));
    assertThat(browser.driver().findElements(By.cssSelector("li[data-name='青岛市财政局']"))).isEmpty();

    // 4. 青岛市科学技术局 is a unit of its own: create it
    browser.click(By.cssSelector("button[data-open-create='青岛市科学技术局']"));
    type("input[data-new-code='青岛市科学技术局']", "qdkjj");
    new Select(browser.visible(By.cssSelector("select[data-new-kind='青岛市科学技术局']"))).selectByValue("MUNICIPAL_DEPARTMENT");
    type("input[data-new-email='青岛市科学技术局']", "qdkjj@duban.example.cn");
    browser.screenshot("import-create-unit");
    browser.click(By.cssSelector("button[data-create='青岛市科学技术局']"));
    browser.until("unit created", d -> text(MESSAGE).contains("已新建单位「青岛市科学技术局」（qdkjj）"));
    assertThat(identityService.createGroupQuery().groupId("qdkjj").count()).isEqualTo(1);
    browser.until("importable", d -> "可以导入".equals(text(SUMMARY)));
    assertThat(browser.driver().findElements(By.cssSelector("[data-duban='tasks'] tr.error"))).isEmpty();

    // 5. import, and the link to the new plan
    type("[data-duban='code']", "QD2024");
    browser.click(By.cssSelector("[data-duban='import']"));
    WebElement link = browser.visible(By.cssSelector("[data-duban='overview-link']"));
    assertThat(link.getDomAttribute("href")).isEqualTo("#/duban-overview?plan=QD2024");
    assertThat(text(By.cssSelector("[data-duban='result']"))).contains("已导入「2024年青岛市“双创”工作任务分工表」：2 项任务，启动 2 个督办流程");
    browser.screenshot("import-done");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("QD2024-%").count())
        .isEqualTo(2);
  }

  private WebElement cell(int number, String field) {
    return browser.driver().findElement(By.cssSelector("tr[data-number='" + number + "'] td[data-field='" + field + "']"));
  }

  private String text(By by) {
    return browser.driver().findElements(by).stream().findFirst().map(WebElement::getText).orElse("");
  }

  private void type(String css, String value) {
    WebElement input = browser.visible(By.cssSelector(css));
    input.clear();
    input.sendKeys(value);
  }
}
