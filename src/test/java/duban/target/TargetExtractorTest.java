package duban.target;

import static org.assertj.core.api.Assertions.assertThat;

import duban.plan.PlanTask;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.Target;
import duban.unit.UnitDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The targets of the shipped table against a list checked by hand, cell by cell: phrase, value (万 expanded), measure
 * word, comparator, 每年 and the date the measure names. Written as {@code text | value unit comparator | 每年? | due}.
 */
class TargetExtractorTest {

  private static final Map<Integer, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
      Map.entry(1, List.of("各类“双创”载体平台超过400家 | 400 家 > | 累计 | 2025-12-31")),
      Map.entry(2, List.of("引领大学生创业人数10000人以上 | 10000 人 ≥ | 累计 | -")),
      Map.entry(3, List.of(
          "组织不少于3000家企业在平台注册开展供需对接 | 3000 家 ≥ | 累计 | 2023-12-31",
          "争取“科创中国”服务团示范项目不少于10个 | 10 个 ≥ | 累计 | 2023-12-31")),
      Map.entry(10, List.of("争取2022年内新增省级以上研发机构20家 | 20 家 = | 累计 | 2022-12-31")),
      Map.entry(13, List.of("每个区县建设不少于2家“双创”示范园区（基地） | 2 家 ≥ | 累计 | -")),
      Map.entry(16, List.of("培育各类“双创”载体平台超过400家 | 400 家 > | 累计 | -")),
      Map.entry(17, List.of("科技成果转化平台服务高校院所达到100家 | 100 家 = | 累计 | 2025-12-31")),
      Map.entry(18, List.of("备案认定省级科技成果转化中试示范基地达到50家 | 50 家 = | 累计 | 2025-12-31")),
      Map.entry(19, List.of("遴选推介高价值成果达到200项 | 200 项 = | 累计 | 2025-12-31")),
      Map.entry(38, List.of(
          "新设1家政府性科创融资担保公司 | 1 家 = | 累计 | -",
          "打造科创金融专营（特色）机构30家以上 | 30 家 ≥ | 累计 | -")),
      Map.entry(40, List.of("组织开展以“创新、创业”为主题的路演活动60场以上 | 60 场 ≥ | 每年 | -")),
      Map.entry(42, List.of(
          "将现有金融辅导队数量扩充至200支以上 | 200 支 ≥ | 累计 | -",
          "每年辅导企业扩容增速达到30%以上 | 30 % ≥ | 每年 | -",
          "合理化融资需求满足率达到100% | 100 % = | 累计 | -",
          "金融辅导工作总体满意率达到100% | 100 % = | 累计 | -")),
      Map.entry(46, List.of("打造3-5个科创金融示范区 | 3–5 个 range | 累计 | -")),
      Map.entry(50, List.of("每年参加技师、高级技师等级培养的企业职工不少于1000人 | 1000 人 ≥ | 每年 | -")),
      Map.entry(51, List.of(
          "全市培养企业新型学徒职工不少于1万名 | 10000 名 ≥ | 累计 | -",
          "培育“齐鲁工匠后备人才” 1.5万名左右 | 15000 名 ≈ | 累计 | -")),
      Map.entry(52, List.of(
          "建设高水平中职学校5所左右 | 5 所 ≈ | 累计 | -",
          "高水平高职院校2所左右 | 2 所 ≈ | 累计 | -",
          "建设高水平中职专业30个左右 | 30 个 ≈ | 累计 | -",
          "高水平高职专业（群）2个左右 | 2 个 ≈ | 累计 | -")),
      Map.entry(53, List.of("遴选建设2所技工教育优质校（专业群） | 2 所 = | 累计 | -")),
      Map.entry(54, List.of(
          "每年创业培训10万人以上 | 100000 人 ≥ | 每年 | -",
          "开展补贴性职业技能培训人数100万人以上 | 1000000 人 ≥ | 累计 | -",
          "高技能人才总量达到50万人 | 500000 人 = | 累计 | -")),
      Map.entry(58, List.of("力争开发公布专项职业能力考核项目不少于50项 | 50 项 ≥ | 累计 | -")),
      Map.entry(65, List.of(
          "组织10场创业义诊活动 | 10 场 = | 每年 | -",
          "服务10家创业孵化基地 | 10 家 = | 每年 | -",
          "培育10名创业之星 | 10 名 = | 每年 | -"))));

  private static List<PlanTask> seed;

  @BeforeAll
  static void readSeed() throws IOException {
    UnitDirectory units;
    try (InputStream in = TargetExtractorTest.class.getResourceAsStream("/seeds/units.yaml")) {
      units = UnitDirectory.load(in);
    }
    try (InputStream in = TargetExtractorTest.class.getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      seed = new TaskDivisionTableParser(units).parse("SEED", new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .tasks();
    }
  }

  private static List<String> extracted(int number) {
    return TargetExtractor.extract(seed.get(number - 1).measure()).stream().map(TargetExtractorTest::line).toList();
  }

  private static String line(Target t) {
    String value = Target.plain(t.value()) + (t.upper() == null ? "" : "–" + Target.plain(t.upper()));
    return t.text() + " | " + value + " " + t.unit() + " " + t.comparator() + " | " + (t.perYear() ? "每年" : "累计")
        + " | " + (t.dueBy() == null ? "-" : t.dueBy());
  }

  @Test
  void readsTheHandCheckedTargetsOfTheSeed() {
    assertThat(EXPECTED).hasSizeGreaterThanOrEqualTo(15).containsKeys(1, 3, 42, 51, 52, 54, 65);
    EXPECTED.forEach((number, expected) ->
        assertThat(extracted(number)).as("task %d: %s", number, seed.get(number - 1).measure()).isEqualTo(expected));
  }

  @Test
  void everyOtherTaskOfTheSeedHasNoTarget() {
    // 4 (names in 《》 and “三位一体”), 20 (no number), 30 (its 2022—2024年 is a plan period), 23, 31, 44, 57 …
    assertThat(extracted(4)).isEmpty();
    assertThat(extracted(20)).isEmpty();
    assertThat(extracted(30)).isEmpty();
    String others = seed.stream().filter(t -> !EXPECTED.containsKey(t.number()))
        .filter(t -> !extracted(t.number()).isEmpty())
        .map(t -> t.number() + ": " + extracted(t.number())).collect(Collectors.joining("\n"));
    assertThat(others).as("tasks with targets not on the hand-checked list").isEmpty();
  }

  @Test
  void yearsPeriodsOrdinalsAndNamesAreNoTargets() {
    assertThat(TargetExtractor.extract("制定实施方案（2022—2024年），力争用5年左右时间，落实第3项任务，推进“一带一路”“3个10”建设。"))
        .isEmpty();
  }

  @Test
  void readsWanFullWidthDigitsRangesAndDueDates() {
    List<Target> targets = TargetExtractor.extract("到2024年6月底前，新增就业１.５万人以上，建设5至8处驿站；年内不超过3%。");
    assertThat(targets).extracting(TargetExtractorTest::line).containsExactly(
        "新增就业１.５万人以上 | 15000 人 ≥ | 累计 | 2024-06-30",
        "建设5至8处驿站 | 5–8 处 range | 累计 | 2024-06-30",
        "年内不超过3% | 3 % ≤ | 累计 | -");
  }
}
