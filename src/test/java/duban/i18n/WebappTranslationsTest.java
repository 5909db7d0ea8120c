package duban.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese translation of each Camunda webapp against the English one the webjar on the classpath ships: every
 * key the English has, a Chinese value for each, no English words left where the English has prose, and a Chinese
 * moment.js date locale. A Camunda upgrade that adds labels fails here and names them.
 */
class WebappTranslationsTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  /**
   * Left empty on purpose: the CE end-of-life banner is no message for our users (and is hidden as well). A value
   * whose English is no prose (a plural "s" glued to a number) may be empty too.
   */
  private static final Set<String> EMPTY_ON_PURPOSE = Set.of("BANNER_CE_EOL_TEXT");

  /** Latin words a Chinese value may keep: product names, standards, abbreviations users see as such. */
  private static final Set<String> ALLOWED_WORDS = Set.of(
      "Camunda", "Optimize", "Platform", "BPMN", "DMN", "DRD", "CMMN", "FEEL", "LDAP", "REST", "API", "ID", "IDs", "URL",
      "JSON", "XML", "HTML", "CSV", "SQL", "HTTP", "UTC", "ISO", "Java", "JavaScript", "Groovy", "Spin",
      "null", "true", "false", "cockpit", "tasklist", "admin", "welcome", "promise", "Promise", "resolve",
      "Ctrl", "Shift", "Alt",
      // Admin's execution metrics are named by their abbreviations
      "PI", "FNI", "EDE", "DI", "TU");

  private static final String DATE_TOKEN = "(?:yyyy|YYYY|MM|DD|dd|HH|hh|mm|ss|SSS|T|Z)";
  /** Angular placeholders, moment's %s and %d, markup, entities and date patterns (yyyy-MM-ddTHH:mm:ss). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]|<[^>]*>|&[a-z]+;|\\b"
      + DATE_TOKEN + "(?:[-/:.]?" + DATE_TOKEN + ")+\\b");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasEveryLabelOfTheShippedEnglish(String app) throws IOException {
    JsonNode english = webjarLocale(app, "en").get("labels");
    JsonNode chinese = ownLocale(app).get("labels");
    List<String> missing = new ArrayList<>();
    english.fieldNames().forEachRemaining(key -> {
      if (!chinese.has(key)) {
        missing.add(key);
      }
    });
    assertThat(missing).as("labels of Camunda's %s/locales/en.json missing from our zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseValuesAreChinese(String app) throws IOException {
    JsonNode english = webjarLocale(app, "en").get("labels");
    JsonNode chinese = ownLocale(app).get("labels");
    Set<String> problems = new TreeSet<>();
    chinese.properties().forEach(entry -> {
      String key = entry.getKey();
      String value = entry.getValue().asText();
      String source = english.path(key).asText("");
      if (!entry.getValue().isTextual()) {
        problems.add(key + ": not a text");
      } else if (value.isBlank() && hasProse(source) && !EMPTY_ON_PURPOSE.contains(key)) {
        problems.add(key + ": empty");
      } else if (hasProse(source)) {
        List<String> left = englishWords(value);
        if (!left.isEmpty()) {
          problems.add(key + ": English " + left + " in \"" + value + "\"");
        }
      }
    });
    assertThat(problems).as("%s/locales/zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void chineseDatesComeWithTheTranslation(String app) throws IOException {
    JsonNode english = webjarLocale(app, "en").get("dateLocales");
    JsonNode chinese = ownLocale(app).get("dateLocales");
    assertThat(chinese).as("%s dateLocales", app).isNotNull();
    english.fieldNames().forEachRemaining(part ->
        assertThat(chinese.has(part)).as("%s dateLocales.%s", app, part).isTrue());
    assertThat(chinese.at("/relativeTime/future").asText()).isEqualTo("%s后");
    assertThat(chinese.at("/relativeTime/past").asText()).isEqualTo("%s前");
    assertThat(chinese.at("/relativeTime/dd").asText()).isEqualTo("%d 天");
    assertThat(chinese.get("months")).hasSize(12);
    assertThat(chinese.get("weekdays").get(0).asText()).isEqualTo("星期日");
    assertThat(chinese.at("/longDateFormat/LL").asText()).isEqualTo("YYYY年M月D日");
  }

  @ParameterizedTest
  @ValueSource(strings = {"仍需认领 Claim", "点击 Complete 完成", "<b>Save</b> 保存"})
  void theCheckFindsEnglishLeftInAValue(String value) {
    assertThat(englishWords(value)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"查看变量 {{ name }}", "Camunda 网页应用的用户文档", "<a href=\"/camunda-welcome\">门户</a>",
      "&lt;空&gt;", "%s后", "格式应为“yyyy-MM-ddTHH:mm:ss”"})
  void theCheckAllowsPlaceholdersMarkupAndProductNames(String value) {
    assertThat(englishWords(value)).isEmpty();
  }

  static boolean hasProse(String english) {
    return WORD.matcher(PLACEHOLDER.matcher(english).replaceAll(" ")).find();
  }

  static List<String> englishWords(String value) {
    Matcher words = WORD.matcher(PLACEHOLDER.matcher(value).replaceAll(" "));
    List<String> found = new ArrayList<>();
    while (words.find()) {
      if (!ALLOWED_WORDS.contains(words.group())) {
        found.add(words.group());
      }
    }
    return found;
  }

  /** The English (or German) file of Camunda's webjar; ours never ships an en.json. */
  private static JsonNode webjarLocale(String app, String language) throws IOException {
    List<URL> found = Collections.list(loader().getResources(LOCALES.formatted(app, language)));
    assertThat(found).as("%s/locales/%s.json on the classpath", app, language).hasSize(1);
    assertThat(found.get(0).toString()).as("from the webjar").contains("camunda-webapp-webjar");
    return read(found.get(0));
  }

  /** Our zh.json: the webjar has none, so any on the classpath is ours. */
  private static JsonNode ownLocale(String app) throws IOException {
    List<URL> found = Collections.list(loader().getResources(LOCALES.formatted(app, "zh")));
    assertThat(found).as("our %s/locales/zh.json", app).hasSize(1);
    return read(found.get(0));
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text); // Camunda's files start with a BOM
    }
  }

  private static ClassLoader loader() {
    return WebappTranslationsTest.class.getClassLoader();
  }
}
