package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Malformed variants of the first 34 lines of the seed: title, header, section 一 and tasks 1–3.
 * Task 2 starts on line 21 (time requirement line 24), task 3 on line 28 (time 31, lead 32, support 33).
 */
class TaskDivisionTableParserErrorsTest {

  static final String TABLE = String.join("\n",
      Seeds.taskDivisionTable().lines().limit(34).toList()) + "\n";

  final TaskDivisionTableParser parser = new TaskDivisionTableParser(Seeds.units());

  /** Replaces a snippet that must occur exactly once, so a test cannot silently test nothing. */
  static String replaceOnce(String text, String snippet, String replacement) {
    int at = text.indexOf(snippet);
    assertThat(at).as("snippet found").isNotNegative();
    assertThat(text.indexOf(snippet, at + 1)).as("snippet unique").isNegative();
    return text.substring(0, at) + replacement + text.substring(at + snippet.length());
  }

  /** A problem as a reader sees it: where, which column, what (warnings start with 提醒：). */
  record Found(String row, String field, String message) {
    static Found of(PlanFormatException.Problem p) {
      return new Found(p.location(), p.field(), (p.isError() ? "" : "提醒：") + p.message());
    }
  }

  List<Found> problems(String text) {
    PlanFormatException e = catchThrowableOfType(PlanFormatException.class, () -> parser.parse("T", text));
    assertThat(e).as("parse must fail").isNotNull();
    assertThat(e.getMessage().lines().skip(1).toList())
        .containsExactlyElementsOf(e.problems().stream().map(PlanFormatException.Problem::toString).toList());
    return e.problems().stream().map(Found::of).toList();
  }

  /** The problems of a table that can be imported nonetheless: its warnings. */
  List<Found> warnings(String text) {
    Reading reading = parser.read("T", RawTable.read(text), ImportOptions.NONE);
    assertThat(reading.importable()).as("importable despite warnings: %s", reading.problems()).isTrue();
    return reading.problems().stream().map(Found::of).toList();
  }

  @Test
  void theExcerptItselfParses() {
    Plan plan = parser.parse("T", TABLE);
    assertThat(plan.tasks()).extracting(PlanTask::number).containsExactly(1, 2, 3);
    assertThat(plan.items()).hasSize(1);
  }

  @Test
  void toleratesCrlfTrailingSpacesAndWhitespaceCells() {
    String messy = replaceOnce(TABLE, "\t市科协\n", "\t市科协  \n")
        .replace("\t\n", "\t \t\n")
        .replace("\n", "\r\n");
    assertThat(parser.parse("T", messy)).isEqualTo(parser.parse("T", TABLE));
  }

  @Test
  void missingColumn() {
    String text = replaceOnce(TABLE, "\t2023年年底\n\t市科协\n\t市发展改革委、市科技局、市工业和信息化局\n", "\t2023年年底\n");
    assertThat(problems(text)).singleElement().satisfies(problem -> {
      assertThat(problem.row()).isEqualTo("第28行（序号 3）");
      assertThat(problem.field()).isEqualTo("牵头单位");
      assertThat(problem.message()).startsWith("缺少列：该行只有 4 个单元格");
    });
  }

  @Test
  void tooManyColumns() {
    String text = replaceOnce(TABLE, "\t市科协\n", "\t市科协\n\t市财政局\n");
    assertThat(problems(text)).singleElement()
        .isEqualTo(new Found("第28行（序号 3）", "表格", "该行有 7 个单元格，最多 6 个"));
  }

  @Test
  void nonNumericNumber() {
    String text = replaceOnce(TABLE, "\t2\n", "\t二\n");
    assertThat(problems(text)).containsExactly(new Found("第21行", "序号", "序号「二」不是正整数"));
  }

  @Test
  void duplicateNumber() {
    String text = replaceOnce(TABLE, "\t3\n", "\t2\n");
    assertThat(problems(text)).containsExactly(new Found("第28行（序号 2）", "序号", "序号 2 与第21行重复"));
  }

  @Test
  void gapInNumbersIsAWarning() {
    String text = replaceOnce(TABLE, "\t3\n", "\t4\n");
    assertThat(warnings(text)).containsExactly(new Found("第28行（序号 4）", "序号", "提醒：序号不连续，应为 3（删节版可忽略）"));
  }

  @Test
  void unknownTimePhrase() {
    String text = replaceOnce(TABLE, "\t2023年年底\n", "\t2023年年初\n");
    assertThat(problems(text)).singleElement().satisfies(problem -> {
      assertThat(problem.row()).isEqualTo("第31行（序号 3）");
      assertThat(problem.field()).isEqualTo("时间要求");
      assertThat(problem.message()).startsWith("无法识别的时间要求「2023年年初」，应为如 2024年6月底前");
    });
  }

  @Test
  void unknownUnitName() {
    String text = replaceOnce(TABLE, "\t市科协\n", "\t市科学院\n");
    assertThat(problems(text)).containsExactly(new Found("第32行（序号 3）", "牵头单位", "单位「市科学院」不在单位目录中"));
  }

  @Test
  void unknownSupportingUnitName() {
    String text = replaceOnce(TABLE, "各区县、功能区、园区", "各区县、开发区、园区");
    assertThat(problems(text)).containsExactly(new Found("第19行（序号 1）", "配合单位", "单位「开发区」不在单位目录中"));
  }

  @Test
  void emptyLeadUnit() {
    String text = replaceOnce(TABLE, "\t市科协\n", "\t \n");
    assertThat(problems(text)).containsExactly(new Found("第32行（序号 3）", "牵头单位", "牵头单位为空"));
    String onlyNoise = replaceOnce(TABLE, "\t市科协\n", "\t等相关单位\n");
    assertThat(problems(onlyNoise)).containsExactly(new Found("第32行（序号 3）", "牵头单位", "牵头单位为空"));
  }

  @Test
  void duplicateUnitInACell() {
    String text = replaceOnce(TABLE, "\t市科协\n", "\t市科协、市科协\n");
    assertThat(problems(text)).containsExactly(new Found("第32行（序号 3）", "牵头单位", "单位「市科协」重复"));
  }

  @Test
  void reportsSeveralProblemsTogetherInLineOrder() {
    String text = replaceOnce(replaceOnce(replaceOnce(TABLE,
        "\t2\n", "\tX2\n"),
        "\t2023年年底\n", "\t明年\n"),
        "\t市科协\n", "\t市科协、市科学院\n");
    PlanFormatException e = catchThrowableOfType(PlanFormatException.class, () -> parser.parse("T", text));
    assertThat(e.problems().stream().map(Found::of)).extracting(Found::row, Found::field).containsExactly(
        tuple("第21行", "序号"),
        tuple("第31行（序号 3）", "时间要求"),
        tuple("第32行（序号 3）", "牵头单位"));
    assertThat(e.getMessage()).isEqualTo("""
        任务分工表有 3 处错误：
        第21行【序号】序号「X2」不是正整数
        第31行（序号 3）【时间要求】无法识别的时间要求「明年」，应为如 2024年6月底前、2025年底前、2024年3月31日前、“十四五”末、年内、长期、持续推进、每年、每季度，或分阶段的几个日期
        第32行（序号 3）【牵头单位】单位「市科学院」不在单位目录中""");
  }

  @Test
  void missingTitle() {
    String text = replaceOnce(TABLE, "济南市加快推进大众创业万众创新工作任务分工表\n", "\n");
    assertThat(problems(text)).containsExactly(new Found("全文", "标题", "缺少标题行（应在表头之前）"));
  }

  @Test
  void missingHeader() {
    String text = replaceOnce(TABLE, "\t序号\n\t主要内容\n\t具体措施\n\t时间要求\n\t牵头单位\n\t配合单位\n", "\n");
    assertThat(problems(text)).singleElement().satisfies(problem -> {
      assertThat(problem.row()).isEqualTo("第7行");
      assertThat(problem.field()).isEqualTo("表头");
      assertThat(problem.message()).startsWith("找不到表头行");
    });
  }

  @Test
  void headerWithoutTimeColumn() {
    String text = replaceOnce(TABLE, "\t时间要求\n", "\t办理时间\n");
    assertThat(problems(text)).singleElement().satisfies(problem -> {
      assertThat(problem.row()).isEqualTo("第5行");
      assertThat(problem.field()).isEqualTo("表头");
      assertThat(problem.message()).startsWith("缺少「时间要求」列：可用 defaultTime 参数");
    });
  }

  @Test
  void taskBeforeAnySection() {
    String text = replaceOnce(TABLE, "\t一、建设创业创新平台，增强支撑能力。\n\n", "");
    assertThat(problems(text)).containsExactly(new Found("第12行（序号 1）", "章节", "任务出现在第一个章节标题之前"));
  }

  @Test
  void firstTaskOfASectionWithoutItem() {
    String text = replaceOnce(TABLE, "\t2\n", "\t二、推行“双创+”模式，激发新动能。\n\n\t2\n");
    // Task 3 continues the same missing item: one cause, one report.
    assertThat(problems(text)).containsExactly(new Found("第24行（序号 2）", "主要内容",
        "主要内容为空，但本章节中没有可沿用的上一项主要内容"));
  }

  @Test
  void unreadableSectionHeadingButItemsWithoutNumbers() {
    String text = replaceOnce(replaceOnce(TABLE, "\t一、建设", "\t第一部分 建设"), "\t（1）打造", "\t1.打造");
    // an item without （1） is still an item (tables of other cities number them otherwise or not at all)
    assertThat(problems(text)).extracting(Found::row, Found::field).containsExactly(
        tuple("第12行", "章节"),
        tuple("第14行（序号 1）", "章节"));
  }

  @Test
  void sectionGapsAreWarningsAndItemNumbersMustBeUniquePerSection() {
    String text = replaceOnce(replaceOnce(TABLE,
        "\t2\n\t\n", "\t三、推行“双创+”模式，激发新动能。\n\n\t2\n\t（2）某项。\n"),
        "\t\n\t发挥“科创中国”", "\t（2）某项。\n\t发挥“科创中国”");
    assertThat(problems(text)).containsExactly(
        new Found("第31行（序号 3）", "主要内容", "主要内容编号（2）在本章节中重复"),
        new Found("第21行", "章节", "提醒：章节编号「三」不连续，应为第 2 章（删节版可忽略）"));
  }

  @Test
  void textLineWithoutLeadingTab() {
    String text = replaceOnce(TABLE, "\t市科协\n", "市科协\n");
    // The stray line also cuts task 3 short, and its last cell becomes a row of its own.
    assertThat(problems(text)).extracting(Found::row, Found::field).containsExactly(
        tuple("第28行（序号 3）", "牵头单位"),
        tuple("第32行", "表格"),
        tuple("第33行", "章节"));
  }

  @Test
  void emptyTable() {
    String headerOnly = String.join("\n", TABLE.lines().limit(11).toList());
    assertThat(problems(headerOnly)).containsExactly(new Found("全文", "表格", "表格中没有任务行"));
    assertThat(problems("")).extracting(Found::field).containsExactlyInAnyOrder("标题", "表头");
  }
}
