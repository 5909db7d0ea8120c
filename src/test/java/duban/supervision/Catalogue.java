package duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Reads what a process's catalogue must agree with: the deployed BPMN and the Camunda Forms, as shipped. */
public final class Catalogue {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Catalogue() {}

  public static BpmnModelInstance bpmn(String processKey) {
    try (InputStream in = Catalogue.class.getResourceAsStream("/bpmn/" + processKey + ".bpmn")) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values a form's radio (or select) offers for a field. */
  public static Set<String> formValues(String formId, String key) {
    try (InputStream in = Catalogue.class.getResourceAsStream("/forms/" + formId + ".form")) {
      List<JsonNode> fields = new ArrayList<>();
      JSON.readTree(in).findParents("key").forEach(fields::add);
      return fields.stream().filter(field -> key.equals(field.path("key").asText()))
          .flatMap(field -> field.path("values").findValuesAsText("value").stream())
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values the BPMN's conditions compare a variable to ({@code ${name == 'value'}}). */
  public static Set<String> comparedValues(BpmnModelInstance model, String variable) {
    Pattern comparison = Pattern.compile("\\b" + Pattern.quote(variable) + "\\s*==\\s*'([^']*)'");
    Set<String> values = new TreeSet<>();
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      Matcher m = comparison.matcher(condition.getTextContent());
      while (m.find()) {
        values.add(m.group(1));
      }
    }
    return values;
  }

  /**
   * Form values from names and values in turn, as a test writes them: a name may be a variable of the catalogue and
   * a value a decision, which the form sends as its wire value.
   */
  public static Map<String, Object> submitted(Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object name = namesAndValues[i];
      Object value = namesAndValues[i + 1];
      values.put(name instanceof Var<?> variable ? variable.name() : (String) name,
          value instanceof Decision decision ? decision.value() : value);
    }
    return values;
  }

  /** Fails naming the first id the model lacks. */
  public static void assertHasElements(BpmnModelInstance model, String... ids) {
    for (String id : ids) {
      Object element = model.getModelElementById(id);
      assertThat(element).as(id).isNotNull();
    }
  }

  /** The {@code camunda:formRef} of a user task or start event. */
  public static String formRef(BpmnModelInstance model, String elementId) {
    ModelElementInstance element = model.getModelElementById(elementId);
    return element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
  }

  /** A decision's values are exactly the choices its form offers for its variable. */
  public static void assertOffers(String formId, Var<String> variable, Class<? extends Decision> decision) {
    assertThat(values(decision)).as(formId + " " + variable).isEqualTo(formValues(formId, variable.name()));
  }

  public static Set<String> values(Class<? extends Decision> decision) {
    return Arrays.stream(decision.getEnumConstants()).map(Decision::value).collect(Collectors.toCollection(TreeSet::new));
  }
}
