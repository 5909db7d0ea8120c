package duban.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The values a version gives the variables it introduces, for instances that move onto it: declared in the BPMN
 * on the process as {@code <camunda:property name="migration.default.NAME" value="…"/>}: the value is read as JSON where
 * it is JSON ({@code true}, {@code 5}, {@code "text"}), otherwise as text. A request's own
 * {@code variables} win over these.
 */
@Component
class TargetDefaults {

  static final String PREFIX = "migration.default.";

  private final ObjectMapper json = new ObjectMapper();

  Map<String, Object> of(BpmnModelInstance model) {
    Map<String, Object> defaults = new TreeMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getExtensionElements() == null) {
        continue;
      }
      for (CamundaProperty property : process.getExtensionElements().getElementsQuery()
          .filterByType(CamundaProperties.class).list().stream()
          .flatMap(p -> p.getCamundaProperties().stream()).toList()) {
        String name = property.getCamundaName();
        if (name != null && name.startsWith(PREFIX)) {
          defaults.put(name.substring(PREFIX.length()), parse(property.getCamundaValue()));
        }
      }
    }
    return Variables.checked(defaults);
  }

  private Object parse(String value) {
    try {
      return json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value; // plain text
    }
  }
}
