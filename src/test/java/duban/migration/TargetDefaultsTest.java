package duban.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The values a new version gives the variables it introduces, and what a request may set. */
class TargetDefaultsTest {

  @Test
  void readsTheDefaultsAVersionDeclaresOnItsProcess() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/migration/TaskSupervisionProcess-v2-new-step.bpmn")) {
      assertThat(new TargetDefaults().of(Bpmn.readModelFromStream(in)))
          .containsExactly(Map.entry("resultsVerifierGroup", "supervision"));
    }
  }

  @Test
  void readsJsonValuesAsTheirTypeAndAnythingElseAsText() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("P").camundaVersionTag("2").startEvent().endEvent().done();
    var properties = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class);
    for (String[] p : List.of(new String[] {"migration.default.flag", "true"}, new String[] {"migration.default.days", "5"},
        new String[] {"migration.default.note", "第2版新增"}, new String[] {"other", "ignored"})) {
      var property = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty.class);
      property.setCamundaName(p[0]);
      property.setCamundaValue(p[1]);
      properties.getCamundaProperties().add(property);
    }
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
        .builder().addExtensionElement(properties);
    assertThat(new TargetDefaults().of(model))
        .containsExactlyInAnyOrderEntriesOf(Map.of("flag", true, "days", 5, "note", "第2版新增"));
  }

  @Test
  void refusesVariablesThatAreNotPlainValuesNamingThem() {
    assertThatThrownBy(() -> Variables.checked(Map.of("units", List.of("kx"), "ok", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("变量「units」的值须为文本、数字或 true/false，收到：[kx]");
    assertThat(Variables.checked(Map.of("a", 1, "b", false, "c", "text"))).hasSize(3);
  }
}
