package duban.form;

import static org.assertj.core.api.Assertions.assertThat;

import duban.EngineTest;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.SupervisionStart;
import duban.unit.UnitDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What is deployed fits together: every user task has its form, and every decision reads something a form asks. */
@EngineTest
class DeployedFormsTest {

  private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_]\\w*)\\b(?!\\s*[.(])");
  private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "empty", "null", "true", "false", "eq", "ne");

  /** Listener reads and code writes, derived from the main sources (no hand-kept table to drift). */
  private static final ListenerReads LISTENERS = ListenerReads.ofMainSources();

  @Autowired RepositoryService repositoryService;
  @Autowired SupervisionStart supervisionStart;
  @Autowired UnitDirectory directory;

  private final Map<String, FormSchema> forms = new HashMap<>();
  private final Set<String> startVariables = new HashSet<>();

  @BeforeEach
  void readDeployment() throws IOException {
    for (ProcessDefinition definition : latestDefinitions()) {
      for (String resource : repositoryService.getDeploymentResourceNames(definition.getDeploymentId())) {
        if (resource.endsWith(".form")) {
          try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource)) {
            FormSchema schema = FormSchema.read(in);
            forms.put(schema.id(), schema);
          }
        }
      }
    }
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      new TaskDivisionTableParser(directory).parse("X", new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .tasks().forEach(t -> startVariables.addAll(supervisionStart.variables("X", t.assignment(), LocalDate.of(2026, 11, 26)).keySet()));
    }
  }

  @Test
  void everyUserTaskHasADeployedFormWhoseIdIsItsFormRef() {
    assertThat(latestDefinitions()).isNotEmpty();
    for (ProcessDefinition definition : latestDefinitions()) {
      for (UserTask task : model(definition).getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        assertThat(formRef).as("formRef of %s in %s", task.getId(), definition.getKey()).isNotBlank();
        assertThat(forms).as("deployed form for %s", task.getId()).containsKey(formRef);
        // the form deployed with this process version, which the server-side checks cache per version too
        assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
        assertThat(forms.get(formRef).executionPlatformVersion()).isEqualTo("7.24.0");
      }
    }
  }

  @Test
  void everyProcessIsDrawnForCockpitAndModeler() {
    for (ProcessDefinition definition : latestDefinitions()) {
      BpmnModelInstance model = model(definition);
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class)
          .forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge.class)
          .forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class).forEach(element ->
          assertThat(drawn).as("%s in %s has a shape or edge", element.getId(), definition.getKey())
              .contains(element.getId()));
    }
  }

  @Test
  void everyGatewayReadsVariablesAFormOnTheWayOrTheStartProvides() {
    for (ProcessDefinition definition : latestDefinitions()) {
      for (SequenceFlow flow : model(definition).getModelElementsByType(SequenceFlow.class)) {
        ConditionExpression condition = flow.getConditionExpression();
        if (condition == null) {
          continue;
        }
        for (String variable : variablesIn(condition.getTextContent())) {
          assertThat(isProvided(variable, flow.getSource()))
              .as("%s on %s reads %s, which no form before it asks for", condition.getTextContent(), flow.getId(), variable)
              .isTrue();
        }
      }
    }
  }

  @Test
  void everyCompletionListenerReadsOnlyWhatAFormOnTheWayTheStartOrTheProcessProvides() {
    int checked = 0;
    for (ProcessDefinition definition : latestDefinitions()) {
      BpmnModelInstance model = model(definition);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        for (String bean : completionListeners(task)) {
          Set<String> reads = LISTENERS.of(bean).variables();
          assertThat(reads).as("variables %s reads (derived from its source)", bean).isNotEmpty();
          for (String variable : reads) {
            assertThat(problem(variable, task, model)).as("%s on %s", bean, task.getId()).isNull();
          }
          checked++;
        }
      }
    }
    assertThat(checked).as("completion listeners checked").isGreaterThanOrEqualTo(8);
  }

  @Test
  void aListenerReadingAFieldNoFormAsksForIsFound() {
    UserTask report = supervisionModel().getModelElementById("Task_SubmitReport");
    // what the hand-kept table of old missed: the report listener reads the form's 报送类型
    assertThat(LISTENERS.of("reportListener").variables()).contains("submissionType", "reportSummary", "reportStatus");
    assertThat(problem("reportSummary", report, supervisionModel())).isNull();
    assertThat(problem("reviewRounds", report, supervisionModel())).as("kept by the process's code").isNull();
    assertThat(problem("reportSumary", report, supervisionModel())).contains("reportSumary", "nothing writes it");
    // a field of the 容错 application, a form of another process
    assertThat(problem("whatHappened", report, supervisionModel())).contains("no form on the way");
  }

  /**
   * Null where {@code variable} is there for a listener of {@code task}: a form field asked by a form on some path to
   * the task, or (not being a form field) a start variable, a variable the code writes or one the BPMN sets.
   */
  private String problem(String variable, UserTask task, BpmnModelInstance model) {
    boolean formField = forms.values().stream().anyMatch(f -> f.keys().contains(variable));
    if (formField) {
      return isProvided(variable, task) ? null : "reads form field " + variable + ", which no form on the way asks for";
    }
    if (startVariables.contains(variable) || LISTENERS.writtenByCode().contains(variable)
        || writtenByBpmn(model).contains(variable)) {
      return null;
    }
    return "reads " + variable + ", which no form asks for and nothing writes it";
  }

  /** Multi-instance element variables and input/output parameters with a value. */
  private static Set<String> writtenByBpmn(BpmnModelInstance model) {
    Set<String> written = new HashSet<>();
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics.class)
        .forEach(mi -> written.add(mi.getCamundaElementVariable()));
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter.class).stream()
        .filter(p -> p.getTextContent() != null && !p.getTextContent().isBlank())
        .forEach(p -> written.add(p.getCamundaName()));
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter.class)
        .forEach(p -> written.add(p.getCamundaName()));
    written.remove(null);
    return written;
  }

  private static List<String> completionListeners(UserTask task) {
    if (task.getExtensionElements() == null) {
      return List.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .filter(l -> "complete".equals(l.getCamundaEvent()))
        .map(l -> l.getCamundaDelegateExpression().replaceAll("[${}]", ""))
        .toList();
  }

  private BpmnModelInstance supervisionModel() {
    return model(repositoryService.createProcessDefinitionQuery().processDefinitionKey("TaskSupervisionProcess")
        .latestVersion().singleResult());
  }

  /** A start variable, or a field of the nearest user task on some path that leads here (the node itself included). */
  private boolean isProvided(String variable, FlowNode node) {
    if (startVariables.contains(variable)) {
      return true;
    }
    Deque<FlowNode> todo = new ArrayDeque<>(List.of(node));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      FlowNode current = todo.pop();
      if (!seen.add(current.getId())) {
        continue;
      }
      if (current instanceof UserTask task) {
        FormSchema form = forms.get(task.getCamundaFormRef());
        if (form != null && form.keys().contains(variable)) {
          return true;
        }
      }
      if (current instanceof SubProcess sub) {
        sub.getChildElementsByType(UserTask.class).forEach(todo::push);
      }
      current.getIncoming().forEach(f -> todo.push(f.getSource()));
      if (current.getParentElement() instanceof SubProcess parent && current.getIncoming().isEmpty()) {
        todo.push(parent);
      }
    }
    return false;
  }

  private static Set<String> variablesIn(String expression) {
    String withoutStrings = expression.replaceAll("'[^']*'|\"[^\"]*\"", "");
    Set<String> variables = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(withoutStrings.replaceAll("[${}]", " "));
    while (m.find()) {
      if (!EL_WORDS.contains(m.group(1))) {
        variables.add(m.group(1));
      }
    }
    return variables;
  }

  private List<ProcessDefinition> latestDefinitions() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().list();
  }

  private BpmnModelInstance model(ProcessDefinition definition) {
    return repositoryService.getBpmnModelInstance(definition.getId());
  }
}
