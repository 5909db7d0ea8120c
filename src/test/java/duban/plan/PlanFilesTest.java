package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import duban.plan.PlanFormatException.Problem;
import duban.plan.TableFixtures.Table;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Word, Excel and text tables read into plans, without Spring: the files are real, written by POI. */
class PlanFilesTest {

  static final List<String> OTHER_HEADER = List.of("编号", "重 点 任 务", "工作措施", "完成时限", "牵头部门", "配合部门");
  static final Plan SEED = new TaskDivisionTableParser(Seeds.units()).parse("T", Seeds.taskDivisionTable());

  final PlanFiles files = new PlanFiles(new PlanSettings(DataSize.ofMegabytes(20), 0.01, DataSize.ofMegabytes(200)));
  final TaskDivisionTableParser parser = new TaskDivisionTableParser(Seeds.units());

  Reading read(byte[] file, ImportOptions options) {
    return parser.read("T", files.read(file, options.sheet()).table(), options);
  }

  Reading read(byte[] file) {
    return read(file, ImportOptions.NONE);
  }

  static ImportOptions options(Map<String, String> columns, String defaultTime, Integer year) {
    return new ImportOptions(columns, defaultTime, year, null, "任务分工表.docx");
  }

  /** The seed as offices publish it: other header words, section headings with counts, other time phrases. */
  static Table publishedSeed() {
    Table seed = TableFixtures.seed().withHeader(OTHER_HEADER).mapCells(cell -> switch (cell) {
      case "2023年年底" -> "2023年底前";
      case "2024年年底" -> "2024年12月31日前";
      case "长期" -> "持续推进";
      default -> cell;
    });
    List<List<String>> rows = seed.rows().stream().map(row -> row.size() == 1
        ? List.of(row.get(0) + "（共" + countOf(seed, row.get(0)) + "项）") : row).toList();
    return new Table(seed.preamble(), seed.header(), rows, 1);
  }

  private static long countOf(Table table, String section) {
    int start = table.rows().indexOf(List.of(section));
    return table.rows().subList(start + 1, table.rows().size()).stream().takeWhile(r -> r.size() > 1).count();
  }

  /** The seed's tasks, ignoring how the time requirement is worded. */
  static void assertSameTasksAsTheSeed(Plan plan) {
    assertThat(plan.sections()).isEqualTo(SEED.sections());
    assertThat(plan.items()).isEqualTo(SEED.items());
    assertThat(plan.tasks()).hasSize(67);
    for (int i = 0; i < 67; i++) {
      PlanTask expected = SEED.tasks().get(i);
      PlanTask actual = plan.tasks().get(i);
      assertThat(actual).usingRecursiveComparison().ignoringFields("timeRequirement").as("task %d", i + 1)
          .isEqualTo(expected);
    }
  }

  @Test
  void readsTheSeedAsAWordTableWithMergedSectionAndItemCells() {
    Reading reading = read(TableFixtures.docx(publishedSeed(), true));
    assertThat(reading.problems()).noneMatch(Problem::isError);
    assertThat(reading.title()).isEqualTo("济南市加快推进大众创业万众创新工作任务分工表");
    assertThat(reading.columns()).containsExactly(Map.entry("编号", "number"), Map.entry("重点任务", "item"),
        Map.entry("工作措施", "measure"), Map.entry("完成时限", "time"), Map.entry("牵头部门", "lead"),
        Map.entry("配合部门", "supporting"));
    assertSameTasksAsTheSeed(reading.plan());
    assertThat(reading.plan().tasks().get(2).timeRequirement()).isEqualTo("2023年底前");
  }

  @Test
  void theWordTableInTheSeedsOwnWordsIsExactlyTheSeedPlan() {
    Reading reading = read(TableFixtures.docx(TableFixtures.seed(), true));
    assertThat(reading.plan()).isEqualTo(SEED);
    assertThat(reading.problems()).isEmpty();
  }

  @Test
  void readsTheSeedAsAnExcelSheetAfterAnExplanatorySheet() {
    byte[] xlsx = TableFixtures.xlsx(publishedSeed(), true, "任务分工", "填表说明");
    Reading reading = read(xlsx);
    assertThat(reading.problems()).noneMatch(Problem::isError);
    assertSameTasksAsTheSeed(reading.plan());
    // chosen by name, the explanatory sheet has no header
    assertThat(read(xlsx, new ImportOptions(Map.of(), null, null, "填表说明", null)).problems())
        .extracting(Problem::field).contains("表头");
    assertThatThrownBy(() -> read(xlsx, new ImportOptions(Map.of(), null, null, "第三页", null)))
        .isInstanceOf(PlanFileException.class).hasMessage("工作簿中没有名为「第三页」的工作表，现有：「填表说明」、「任务分工」");
    assertThat(read(xlsx, new ImportOptions(Map.of(), null, null, "任务分工", null)).plan())
        .isEqualTo(reading.plan());
  }

  @Test
  void warnsAboutSectionCountsThatDoNotMatchAndEmptySections() {
    Table table = new Table(List.of("某市任务分工表"), List.of("序号", "主要内容", "具体措施", "时间要求", "牵头单位", "配合单位"),
        List.of(List.of("一、知识产权保护方面（共5项）"),
            List.of("1", "（1）加强保护。", "建立快速维权机制。", "2024年6月底前", "市科技局", ""),
            List.of("3", "", "开展专项行动。", "年内", "市科技局", "市公安局"),
            List.of("二、空章节"),
            List.of("三、人才方面"),
            List.of("4", "（2）引进人才。", "引进人才。", "长期", "市人力资源社会保障局", "")), 1);
    Reading reading = read(TableFixtures.docx(table, true), options(Map.of(), null, 2023));
    assertThat(reading.importable()).isTrue();
    assertThat(reading.problems()).extracting(Problem::severity).containsOnly("warning");
    assertThat(reading.problems()).extracting(Problem::message).containsExactly(
        "章节标注共5项，表中有 2 项", "序号不连续，应为 2（删节版可忽略）", "章节「空章节」下没有任务");
    assertThat(reading.plan().sections()).extracting(Section::title).containsExactly("知识产权保护方面", "空章节", "人才方面");
    assertThat(reading.plan().tasks().get(1).deadline()).isEqualTo(LocalDate.of(2023, 12, 31));
  }

  @Test
  void aSingleResponsibleColumnLeadsWithTheMarkedOrTheFirstUnit() {
    Table table = new Table(List.of("2023年某市营商环境任务分工表"), List.of("序号", "主要内容", "具体措施", "完成时间", "责任单位"),
        List.of(List.of("一、优化政务服务"),
            List.of("1", "（1）推进一网通办。", "推行“一件事一次办”。", "年内", "市财政局、市科技局（牵头）", ""),
            List.of("2", "", "压减审批时限。", "2023年9月底前", "市发展改革委、市财政局、市科技局")), 1);
    table = new Table(table.preamble(), table.header(),
        table.rows().stream().map(r -> r.size() > 5 ? r.subList(0, 5) : r).toList(), 1);
    Reading reading = read(TableFixtures.docx(table, true));
    assertThat(reading.problems()).extracting(Problem::severity).containsOnly("warning");
    assertThat(reading.year()).isEqualTo(2023);
    PlanTask first = reading.plan().tasks().get(0);
    assertThat(first.leadUnits()).extracting(UnitRef::code).containsExactly("kjj");
    assertThat(first.supportingUnits()).extracting(UnitRef::code).containsExactly("czj");
    assertThat(first.deadline()).isEqualTo(LocalDate.of(2023, 12, 31));
    PlanTask second = reading.plan().tasks().get(1);
    assertThat(second.leadUnits()).extracting(UnitRef::code).containsExactly("fgw");
    assertThat(second.supportingUnits()).extracting(UnitRef::code).containsExactly("czj", "kjj");
  }

  @Test
  void aTableWithoutTimeColumnNeedsADefaultTime() {
    Table table = new Table(List.of("某市任务分工表"), List.of("序号", "主要内容", "牵头单位", "配合单位"),
        List.of(List.of("一、总体要求"),
            List.of("1", "完善创业扶持政策。", "市人力资源社会保障局", "市财政局"),
            List.of("2", "强化创业培训。", "市人力资源社会保障局", "")), -1);
    byte[] xlsx = TableFixtures.xlsx(table, false, "Sheet1");
    Reading without = read(xlsx);
    assertThat(without.importable()).isFalse();
    assertThat(without.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("表头");
      assertThat(p.message()).startsWith("缺少「时间要求」列：可用 defaultTime 参数");
    });
    // 主要内容 beside no other measure column is the measure; the section is the item
    assertThat(without.columns()).containsEntry("主要内容", "measure");
    Reading with = read(xlsx, options(Map.of(), "长期", null));
    assertThat(with.importable()).isTrue();
    assertThat(with.plan().tasks()).extracting(PlanTask::timeRequirement).containsOnly("长期");
    assertThat(with.plan().tasks()).allMatch(PlanTask::longTerm);
    assertThat(with.plan().items()).extracting(Item::title).containsExactly("总体要求");
  }

  @Test
  void columnsOverrideTheRecognition() {
    Table table = new Table(List.of("某市任务分工表"), List.of("序号", "事项", "内容", "时限", "单位"),
        List.of(List.of("一、总体要求"), List.of("1", "（1）扶持。", "完善政策。", "2024年", "市财政局")), 1);
    byte[] docx = TableFixtures.docx(table, false);
    assertThat(read(docx).importable()).isFalse();
    Reading reading = read(docx, options(Map.of("事项", "item", "内容", "measure", "时限", "time", "单位", "lead"),
        null, null));
    assertThat(reading.problems()).as("%s", reading.problems()).extracting(Problem::severity).containsOnly("warning");
    assertThat(reading.plan().tasks().get(0).measure()).isEqualTo("完善政策。");
    Reading wrong = read(docx, options(Map.of("事项", "chief", "内容", "measure", "时限", "time",
        "单位", "lead", "别的", "lead"), null, null));
    assertThat(wrong.problems()).extracting(Problem::message).contains(
        "columns 参数中「事项」的角色「chief」无效，可选 number、item、measure、time、lead、supporting、ignore",
        "columns 参数中的表头「别的」不在表格中");
  }

  @Test
  void anotherCitysUnitsAreUnknownWithTheClosestDirectoryUnitsSuggested() {
    Table table = new Table(List.of("青岛市任务分工表"), List.of("序号", "主要内容", "具体措施", "时间要求", "牵头单位", "配合单位"),
        List.of(List.of("一、平台建设"),
            List.of("1", "（1）建平台。", "建设创业平台。", "2025年底前", "青岛市科学技术局", "青岛市财政局、市科技局"),
            List.of("2", "", "建设孵化器。", "2025年底前", "青岛市科学技术局", "")), 1);
    Reading reading = read(TableFixtures.docx(table, true));
    assertThat(reading.importable()).isFalse();
    assertThat(reading.unknownUnits()).extracting(Reading.UnknownUnit::name)
        .containsExactly("青岛市科学技术局", "青岛市财政局");
    assertThat(reading.unknownUnits().get(0).suggestions()).first().isEqualTo("kjj");
    assertThat(reading.unknownUnits().get(1).suggestions()).first().isEqualTo("czj");
    assertThat(reading.problems()).filteredOn(Problem::isError).extracting(Problem::row, Problem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "牵头单位"), org.assertj.core.groups.Tuple.tuple(3, "配合单位"),
            org.assertj.core.groups.Tuple.tuple(4, "牵头单位"));
    assertThat(reading.tasks()).hasSize(2);
    assertThat(reading.tasks().get(0).supportingUnits()).extracting(UnitRef::code).containsExactly(null, "kjj");
  }

  @Test
  void duplicateAndNonNumericNumbersAreErrors() {
    Table table = new Table(List.of("某市任务分工表"), List.of("序号", "主要内容", "具体措施", "时间要求", "牵头单位", "配合单位"),
        List.of(List.of("一、总体要求"),
            List.of("1", "（1）扶持。", "完善政策。", "2024年", "市财政局", ""),
            List.of("1", "", "强化培训。", "2024年", "市财政局", ""),
            List.of("三", "", "加强宣传。", "2024年", "市财政局", "")), 1);
    Reading reading = read(TableFixtures.xlsx(table, true, "Sheet1"));
    assertThat(reading.problems()).filteredOn(Problem::isError).extracting(Problem::row, Problem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "序号 1 与第4行重复"),
            org.assertj.core.groups.Tuple.tuple(6, "序号「三」不是正整数"));
  }

  @Test
  void storedTextParsesBackToTheSamePlan() {
    Reading reading = read(TableFixtures.docx(publishedSeed(), true));
    assertThat(parser.parse("T", CanonicalText.of(reading.plan(), reading.year()))).isEqualTo(reading.plan());
    Reading withYear = read(TableFixtures.docx(publishedSeed(), true), options(Map.of(), null, 2022));
    String text = CanonicalText.of(withYear.plan(), withYear.year());
    assertThat(text).contains("计划年度：2022");
    assertThat(parser.parse("T", text)).isEqualTo(withYear.plan());
  }

  @Test
  void readsTheTextLayoutInUtf8AndGb18030() {
    assertThat(read(Seeds.taskDivisionTable().getBytes(StandardCharsets.UTF_8)).plan()).isEqualTo(SEED);
    assertThat(read(Seeds.taskDivisionTable().getBytes(java.nio.charset.Charset.forName("GB18030"))).plan())
        .isEqualTo(SEED);
  }

  // ---------------------------------------------------------------- files that are no table

  void refused(byte[] file, String message) {
    assertThatThrownBy(() -> read(file)).isInstanceOf(PlanFileException.class).hasMessageContaining(message);
  }

  @Test
  void refusesABrokenOrTruncatedFile() {
    byte[] docx = TableFixtures.docx(TableFixtures.seed(), true);
    refused(Arrays.copyOf(docx, docx.length / 2), "文件已损坏或不完整");
    byte[] xlsx = TableFixtures.xlsx(TableFixtures.seed(), true, "Sheet1");
    refused(Arrays.copyOf(xlsx, xlsx.length - 100), "文件已损坏或不完整");
  }

  @Test
  void refusesAnEncryptedDocument() {
    refused(TableFixtures.encrypted(TableFixtures.docx(TableFixtures.seed(), true)), "文件已加密或设有打开密码");
  }

  @Test
  void refusesOldWordAndExcelFiles() {
    refused(TableFixtures.xls(), "这是旧版 Excel（.xls）文件：请另存为 .docx/.xlsx 后上传");
    refused(TableFixtures.doc(), "这是旧版 Word（.doc）文件：请另存为 .docx/.xlsx 后上传");
  }

  @Test
  void refusesADocumentWithoutTable() {
    Table noTable = new Table(List.of("关于印发任务分工表的通知", "各区县政府、市政府各部门："), List.of(), List.of(), -1);
    byte[] docx;
    try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
      noTable.preamble().forEach(line -> document.createParagraph().createRun().setText(line));
      var out = new java.io.ByteArrayOutputStream();
      document.write(out);
      docx = out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    refused(docx, "文档中没有表格");
  }

  @Test
  void refusesAWorkbookWithoutRecognisableHeader() {
    Table noHeader = new Table(List.of(), List.of("姓名", "电话", "地址"), List.of(List.of("张三", "123", "济南")), -1);
    refused(TableFixtures.xlsx(noHeader, false, "通讯录", "说明"), "工作簿的各工作表（「说明」、「通讯录」）中都找不到表头");
  }

  @Test
  void refusesAFileOverTheConfiguredSize() {
    PlanFiles small = new PlanFiles(new PlanSettings(DataSize.ofKilobytes(10), 0.01, DataSize.ofMegabytes(200)));
    assertThatThrownBy(() -> small.read(TableFixtures.docx(TableFixtures.seed(), true), null))
        .isInstanceOfSatisfying(PlanFileException.class, e -> assertThat(e.tooLarge()).isTrue())
        .hasMessageContaining("超过上限 0.0 MB");
  }

  @Test
  void refusesAZipBomb() {
    refused(TableFixtures.withZipBomb(TableFixtures.docx(TableFixtures.seed(), true), 50), "疑似压缩炸弹");
  }

  @Test
  void refusesOtherFiles() {
    refused("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "不支持 PDF 文件");
    refused(new byte[] {1, 0, 2, 0}, "无法识别的文件格式");
    refused(new byte[0], "上传的文件为空");
  }
}
