package duban.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server-side reading of our forms' own rules, without an engine. */
class SubmissionRulesTest {

  private static FormSchema form(String id) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("forms", id + ".form"))) {
      return FormSchema.read(in);
    }
  }

  private static List<String> check(String formId, Map<String, Object> submitted, Map<String, Object> current)
      throws IOException {
    return SubmissionValidator.violations(form(formId), new Submission("t", "任务", submitted, current));
  }

  private static Map<String, Object> acceptance() {
    Map<String, Object> v = new HashMap<>();
    v.put("ackDecision", "accept");
    v.put("responsiblePerson", "张建国");
    v.put("contactPhone", "0531-86051234");
    v.put("workPlan", "按季度推进，年底前完成目标任务。");
    v.put("milestones", "12月底完成");
    return v;
  }

  @Test
  void acceptsASubmitThatFollowsTheForm() throws IOException {
    assertThat(check("acknowledge-assignment", acceptance(), Map.of())).isEmpty();
  }

  @Test
  void requiresVisibleRequiredFields() throws IOException {
    Map<String, Object> v = acceptance();
    v.remove("responsiblePerson");
    v.put("workPlan", "  ");
    assertThat(check("acknowledge-assignment", v, Map.of()))
        .containsExactlyInAnyOrder("「责任人」为必填项", "「工作计划」为必填项");
  }

  @Test
  void doesNotRequireFieldsTheFormHides() throws IOException {
    // returning an assignment hides the acceptance fields and shows the reason
    assertThat(check("acknowledge-assignment", Map.of("ackDecision", "return", "returnReason", "不属于本单位职责。"), Map.of()))
        .isEmpty();
    assertThat(check("acknowledge-assignment", Map.of("ackDecision", "return"), Map.of()))
        .containsExactly("「退回理由」为必填项");
  }

  @Test
  void refusesVariablesTheFormDoesNotAskFor() throws IOException {
    Map<String, Object> v = acceptance();
    v.put("reviewDecision", "approve");
    assertThat(check("acknowledge-assignment", v, Map.of())).containsExactly("表单中没有「reviewDecision」，不得提交该变量");
  }

  @Test
  void checksLengthsChoicesAndDates() throws IOException {
    Map<String, Object> v = acceptance();
    v.put("workPlan", "太短");
    v.put("responsiblePerson", "张".repeat(31));
    assertThat(check("acknowledge-assignment", v, Map.of())).containsExactlyInAnyOrder(
        "「工作计划」至少 10 个字", "「责任人」最多 30 个字");
    assertThat(check("acknowledge-assignment", Map.of("ackDecision", "maybe"), Map.of()))
        .containsExactly("「签收意见」不能选择「maybe」");

    assertThat(check("submit-report", Map.of("submissionType", "extension", "extensionDate", "明年三月",
        "extensionReason", "受项目审批进度影响，需延后完成。"), Map.of()))
        .containsExactly("「申请延期至」不是有效日期（应为 yyyy-MM-dd）");
  }

  @Test
  void readsConditionsAgainstCurrentVariables() throws IOException {
    Map<String, Object> report = new HashMap<>(Map.of("submissionType", "report", "reportStatus", "已完成",
        "reportSummary", "已完成全部措施，相关平台建设到位。"));
    // a measure with targets must report a number for each shown slot, and none for a hidden one
    Map<String, Object> twoTargets = Map.of("hasTarget", true, "targetCount", 2, "hasTarget1", true,
        "hasTarget2", true, "hasTarget3", false);
    assertThat(check("submit-report", report, twoTargets)).containsExactly(
        "「目标 1 完成值（数字）」为必填项", "「目标 2 完成值（数字）」为必填项");
    report.put("achievedValue1", 412);
    report.put("achievedValue2", "很多");
    assertThat(check("submit-report", report, twoTargets)).containsExactly("「目标 2 完成值（数字）」应为数字");
    report.put("achievedValue2", -1);
    assertThat(check("submit-report", report, twoTargets)).containsExactly("「目标 2 完成值（数字）」不得小于 0.0");
    report.put("achievedValue2", 12.5);
    report.put("achievedValue3", 7);
    assertThat(check("submit-report", report, twoTargets))
        .containsExactly("「目标 3 完成值（数字）」在当前选择下不显示，不得提交");
    report.remove("achievedValue3");
    assertThat(check("submit-report", report, twoTargets)).isEmpty();
    report.remove("achievedValue1");
    report.remove("achievedValue2");
    assertThat(check("submit-report", report, Map.of("hasTarget", false))).isEmpty();
  }

  @Test
  void checksChoicesOfferedThroughAVariable() throws IOException {
    Map<String, Object> current = Map.of("leadNeedsDesignation", true, "supportNeedsDesignation", false,
        "unitOptions", List.of(Map.of("label", "市发展改革委（fgw）", "value", "fgw")));
    assertThat(check("designate-units", Map.of("designatedLeadUnits", List.of("fgw")), current)).isEmpty();
    assertThat(check("designate-units", Map.of("designatedLeadUnits", List.of("fgw", "nosuch")), current))
        .containsExactly("「指定牵头单位（第一个为主办单位）」不能选择「nosuch」");
    assertThat(check("designate-units", Map.of("designatedLeadUnits", "fgw"), current))
        .containsExactly("「指定牵头单位（第一个为主办单位）」应为列表");
  }

  @Test
  void refusesFormsWithConditionsItCannotCheck() {
    String form = "{\"id\":\"x\",\"components\":[{\"type\":\"textfield\",\"key\":\"a\",\"conditional\":{\"hide\":\"=count(b) > 2\"}}]}";
    assertThatThrownBy(() -> FormSchema.read(new java.io.ByteArrayInputStream(form.getBytes())))
        .hasMessageContaining("不支持的条件表达式");
  }
}
