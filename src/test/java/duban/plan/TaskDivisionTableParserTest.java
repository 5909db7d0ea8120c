package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import duban.unit.UnitDirectory;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parses the shipped seed table and checks rows against the document by hand. */
class TaskDivisionTableParserTest {

  static final UnitDirectory UNITS = Seeds.units();
  static final Plan PLAN = new TaskDivisionTableParser(UNITS).parse("JNSC2022", Seeds.taskDivisionTable());

  static final List<String> DISTRICTS = List.of("lixia", "shizhong", "huaiyin", "tianqiao", "licheng",
      "changqing", "zhangqiu", "jiyang", "laiwu", "gangcheng", "pingyin", "shanghe");
  static final List<String> ZONES = List.of("gaoxin", "nanshan", "qibuqu");
  static final List<String> JOINT_CONFERENCE = UNITS.byCode("scxlhy").orElseThrow().members();
  static final List<UnitRef> FOUR_LEADING_DEPARTMENTS = List.of(
      unit("市发展改革委", "fgw"), unit("市科技局", "kjj"),
      unit("市工业和信息化局", "gxj"), unit("市人力资源社会保障局", "rsj"));

  static UnitRef unit(String name, String code) {
    return new UnitRef(name, code, List.of(code), false);
  }

  static UnitRef collective(String name, String code, List<String> members) {
    return new UnitRef(name, code, members, false);
  }

  static UnitRef toDesignate(String name, String code) {
    return new UnitRef(name, code, List.of(), true);
  }

  static PlanTask task(int number) {
    PlanTask task = PLAN.tasks().get(number - 1);
    assertThat(task.number()).isEqualTo(number);
    return task;
  }

  @Test
  void readsTitleAndCounts() {
    assertThat(PLAN.code()).isEqualTo("JNSC2022");
    assertThat(PLAN.title()).isEqualTo("济南市加快推进大众创业万众创新工作任务分工表");
    assertThat(PLAN.tasks()).hasSize(67).extracting(PlanTask::number)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 67).boxed().toList());
    assertThat(PLAN.sections()).hasSize(7).extracting(Section::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(PLAN.items()).hasSize(25).extracting(Item::number)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 25).boxed().toList());
  }

  @Test
  void readsSectionsAndItems() {
    assertThat(PLAN.sections().get(0)).isEqualTo(new Section(1, "建设创业创新平台，增强支撑能力。"));
    assertThat(PLAN.sections().get(6)).isEqualTo(new Section(7, "加强“双创”文化建设，打造蓬勃“双创”生态。"));
    assertThat(PLAN.items().get(0)).isEqualTo(new Item(1, "打造创业创新公共服务平台。", 1));
    assertThat(PLAN.items().get(10)).isEqualTo(new Item(11, "建立健全尽职免责机制。", 3));
    assertThat(PLAN.items().get(24)).isEqualTo(new Item(25, "打造“双创”品牌。", 7));
  }

  @Test
  void task1() {
    assertThat(task(1)).isEqualTo(new PlanTask(1, 1, 1,
        "加强双创示范基地、创业孵化基地、众创空间等“双创”平台建设，到“十四五”末，各类“双创”载体平台超过400家。",
        "“十四五”末", LocalDate.of(2025, 12, 31),
        FOUR_LEADING_DEPARTMENTS,
        List.of(collective("各区县", "quxian", DISTRICTS), collective("功能区", "gongnengqu", ZONES),
            toDesignate("园区", "yuanqu"))));
    assertThat(task(1).primaryLeadUnit()).isEqualTo(unit("市发展改革委", "fgw"));
    assertThat(task(1).longTerm()).isFalse();
  }

  @Test
  void task4HasAnEmptyLastCell() {
    PlanTask task = task(4);
    assertThat(task.sectionNumber()).isEqualTo(1);
    assertThat(task.itemNumber()).isEqualTo(2);
    assertThat(task.measure()).startsWith("充分发挥自贸试验区济南片区的示范带动作用").endsWith("可复制、可推广的改革创新模式经验。");
    assertThat(task.timeRequirement()).isEqualTo("长期");
    assertThat(task.longTerm()).isTrue();
    assertThat(task.deadline()).isNull();
    assertThat(task.leadUnits()).containsExactly(unit("自贸试验区济南片区管委会", "zmqjn"));
    assertThat(task.supportingUnits()).isEmpty();
  }

  @Test
  void task6KeepsTheLongTaskForceNameAsOneUnit() {
    PlanTask task = task(6);
    assertThat(task.sectionNumber()).isEqualTo(1);
    assertThat(task.itemNumber()).isEqualTo(2);
    assertThat(task.measure()).startsWith("以济南市建设科创金融改革试验区为着力点").endsWith("服务创业创新作用发挥明显。");
    assertThat(task.timeRequirement()).isEqualTo("2026年年底");
    assertThat(task.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(task.leadUnits()).containsExactly(unit("市地方金融监管局", "jrj"));
    assertThat(task.supportingUnits()).containsExactly(
        unit("人民银行济南分行营管部", "rhjn"),
        unit("人民银行莱芜中心支行", "rhlw"),
        unit("山东银保监局支持服务济南市金融改革发展工作专班", "ybjzb"));
  }

  @Test
  void task11DropsTheTrailingNoiseEntry() {
    PlanTask task = task(11);
    assertThat(task.sectionNumber()).isEqualTo(2);
    assertThat(task.itemNumber()).isEqualTo(4);
    assertThat(task.measure()).startsWith("逐链、逐环梳理产业链上中下游情况").endsWith("促进产业持续创新发展。");
    assertThat(task.timeRequirement()).isEqualTo("长期");
    assertThat(task.deadline()).isNull();
    assertThat(task.leadUnits()).containsExactly(toDesignate("产业链链长单位", "lianzhang"));
    assertThat(task.primaryLeadUnit().needsDesignation()).isTrue();
    assertThat(task.supportingUnits()).isEqualTo(FOUR_LEADING_DEPARTMENTS);
  }

  @Test
  void task12IsLedByCollectives() {
    PlanTask task = task(12);
    assertThat(task.sectionNumber()).isEqualTo(2);
    assertThat(task.itemNumber()).isEqualTo(5);
    assertThat(task.measure()).startsWith("将产业园区与“双创”结合").endsWith("为企业提供创新创业之源。");
    assertThat(task.deadline()).isNull();
    assertThat(task.leadUnits()).containsExactly(
        collective("各区县政府", "quxian", DISTRICTS), collective("功能区管委会", "gongnengqu", ZONES));
    assertThat(task.supportingUnits()).isEqualTo(FOUR_LEADING_DEPARTMENTS);
  }

  @Test
  void task23DropsTheGluedNoiseSuffix() {
    assertThat(task(23)).isEqualTo(new PlanTask(23, 3, 9,
        "持续推进“放管服”改革，提升政务服务“双全双百”工程，深化“一网通办”“一链办理”，实现企业开办全流程一环节、零成本、半天办结。",
        "长期", null,
        List.of(unit("市行政审批服务局", "xzspj")),
        List.of(unit("市公安局", "gaj"), unit("市人力资源社会保障局", "rsj"),
            unit("市市场监管局", "scjgj"), unit("市大数据局", "dsjj"))));
  }

  @Test
  void task24ContinuesTheItemAboveAndNeedsDesignatedSupporters() {
    assertThat(task(24)).isEqualTo(new PlanTask(24, 3, 9,
        "研究出台工程建设项目审批制度改革优化提升方案，持续推进工程建设项目审批制度改革。",
        "长期", null,
        List.of(unit("市行政审批服务局", "xzspj")),
        List.of(toDesignate("市工程建设项目审批制度改革领导小组成员单位", "gcspgg"))));
  }

  @Test
  void task28IsLedByUnitsToDesignate() {
    PlanTask task = task(28);
    assertThat(task.sectionNumber()).isEqualTo(3);
    assertThat(task.itemNumber()).isEqualTo(11);
    assertThat(task.measure()).startsWith("秉持鼓励创新、宽容失误的理念").endsWith("可免除相关责任，不作负面评价。");
    assertThat(task.deadline()).isNull();
    assertThat(task.leadUnits()).containsExactly(toDesignate("各区县及相关部门单位", "qxjxgbm"));
    assertThat(task.supportingUnits()).isEmpty();
  }

  @Test
  void task34IsLedByProjectAuthoritiesToDesignate() {
    PlanTask task = task(34);
    assertThat(task.sectionNumber()).isEqualTo(4);
    assertThat(task.itemNumber()).isEqualTo(13);
    assertThat(task.measure()).startsWith("扶持双创示范基地、孵化器、众创空间等载体").endsWith("减轻创业创新负担。");
    assertThat(task.timeRequirement()).isEqualTo("长期");
    assertThat(task.leadUnits()).containsExactly(toDesignate("各项目主管部门", "xmzgbm"));
    assertThat(task.supportingUnits()).isEqualTo(FOUR_LEADING_DEPARTMENTS);
  }

  @Test
  void task42() {
    PlanTask task = task(42);
    assertThat(task.sectionNumber()).isEqualTo(5);
    assertThat(task.itemNumber()).isEqualTo(18);
    assertThat(task.measure()).startsWith("优化金融辅导和管家服务").endsWith("金融辅导工作总体满意率达到100%。");
    assertThat(task.timeRequirement()).isEqualTo("2023年年底");
    assertThat(task.deadline()).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(task.leadUnits()).containsExactly(unit("市地方金融监管局", "jrj"));
    assertThat(task.supportingUnits()).containsExactly(
        unit("市市场监管局", "scjgj"), unit("人民银行济南分行营管部", "rhjn"), unit("人民银行莱芜中心支行", "rhlw"));
  }

  @Test
  void task59IsLedByTheJointConference() {
    PlanTask task = task(59);
    assertThat(task.sectionNumber()).isEqualTo(7);
    assertThat(task.itemNumber()).isEqualTo(23);
    assertThat(task.measure()).startsWith("举办“双创”政策集中宣传活动").endsWith("创业融资等系列优惠政策进行解读。");
    assertThat(task.deadline()).isNull();
    assertThat(task.leadUnits()).containsExactly(
        collective("市“双创”工作联席会议成员单位", "scxlhy", JOINT_CONFERENCE));
    assertThat(JOINT_CONFERENCE).contains("fgw", "kjj", "gxj", "rsj", "jyj", "czj", "kx", "jrj");
    assertThat(task.supportingUnits()).isEmpty();
  }

  @Test
  void task67IsTheLastRowAndLacksTheLastCell() {
    assertThat(PLAN.tasks().get(PLAN.tasks().size() - 1)).isEqualTo(new PlanTask(67, 7, 25,
        "以济南高新区、浪潮集团国家级双创示范基地为引领，以“创在济南”为品牌核心，培育一批双创示范基地、"
            + "创新创业孵化器等“双创”载体，广泛开展大众创业万众创新活动，打造影响全国、辐射黄河流域的“双创”品牌。",
        "长期", null,
        List.of(collective("市“双创”工作联席会议成员单位", "scxlhy", JOINT_CONFERENCE)),
        List.of()));
  }

  @Test
  void otherHandCheckedRows() {
    assertThat(task(16)).isEqualTo(new PlanTask(16, 2, 6, "培育各类“双创”载体平台超过400家。",
        "“十四五”末", LocalDate.of(2025, 12, 31), FOUR_LEADING_DEPARTMENTS,
        List.of(collective("各区县政府", "quxian", DISTRICTS), collective("功能区管委会", "gongnengqu", ZONES))));
    assertThat(task(2).leadUnits()).containsExactly(
        unit("济南新旧动能转换起步区管委会", "qibuqu"), unit("章丘区政府", "zhangqiu"));
    assertThat(task(35).leadUnits()).containsExactly(unit("市税务局", "swj"));
    assertThat(task(43).deadline()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(task(45).supportingUnits()).extracting(UnitRef::code).containsExactly("fgw", "rhjn", "rhlw", "lixia");
    assertThat(task(37).supportingUnits()).extracting(UnitRef::code)
        .containsExactly("czj", "rhjn", "rhlw", "ybjzb", "rzdb", "ctjj");
  }

  @Test
  void everyTaskHasAResolvedPrimaryLead() {
    assertThat(PLAN.tasks()).allSatisfy(task -> {
      assertThat(task.primaryLeadUnit().code()).isNotBlank();
      assertThat(task.measure()).isNotBlank();
    });
  }
}
