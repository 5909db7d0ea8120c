package duban.migration;

import duban.migration.MigrationReport.Activity;
import duban.migration.MigrationReport.BlockedInstance;
import duban.migration.MigrationReport.Version;
import duban.supervision.SupervisionProcess;
import duban.web.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Builds the migration plan of a request with Camunda's migration API (equal ids mapped, then the request's explicit
 * mappings), and reports before anything moves: where the instances wait, what the engine's plan validation says,
 * and which instances cannot move and why (each one tried in a transaction that is rolled back).
 */
@Component
class MigrationPlanner {

  /** The processes duban deploys; the 容错 process's key as its BPMN declares it. */
  static final Set<String> PROCESS_KEYS = Set.of(SupervisionProcess.KEY, "ToleranceApplicationProcess");

  /** A plan that may or may not be executable, with the instances it concerns. */
  record Prepared(MigrationReport report, MigrationPlan plan, List<String> instanceIds) {}

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TargetDefaults defaults;
  private final DryRun dryRun;

  MigrationPlanner(RepositoryService repositoryService, RuntimeService runtimeService, TargetDefaults defaults,
      DryRun dryRun) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.defaults = defaults;
    this.dryRun = dryRun;
  }

  Prepared prepare(MigrationRequest request) {
    ProcessDefinition source = definition(request, request.sourceVersion(), "源版本（sourceVersion）");
    ProcessDefinition target = definition(request, request.targetVersion(), "目标版本（targetVersion）");
    if (source.getId().equals(target.getId())) {
      throw new IllegalArgumentException("源版本与目标版本相同（第 " + source.getVersion() + " 版），无需迁移");
    }
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
    checkMappings(request, source, sourceModel, target, targetModel);
    Map<String, Object> variables = new TreeMap<>(defaults.of(targetModel));
    variables.putAll(Variables.checked(request.variables()));

    List<String> planProblems = new ArrayList<>();
    MigrationPlan plan = null;
    try {
      plan = build(source, target, request, variables);
    } catch (MigrationPlanValidationException e) {
      planProblems.addAll(FailureText.of(e.getValidationReport(), sourceModel));
    }

    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
        .orderByProcessInstanceId().asc().list();
    List<Activity> activities = activities(instances, plan == null ? Map.of() : targetsOf(plan), sourceModel,
        targetModel);

    List<String> ids = instances.stream().map(ProcessInstance::getId).toList();
    List<BlockedInstance> blocked = new ArrayList<>();
    if (plan != null && !ids.isEmpty()) {
      Map<String, String> businessKeys = new LinkedHashMap<>();
      instances.forEach(i -> businessKeys.put(i.getId(), i.getBusinessKey()));
      blocked.addAll(dryRun.blocked(plan, ids, businessKeys, sourceModel));
    }
    MigrationReport report = new MigrationReport(request.processKey(), version(source), version(target), ids.size(),
        activities, planProblems, blocked, variables, plan != null && blocked.isEmpty());
    return new Prepared(report, plan, ids);
  }

  /** Per source activity where instances wait, how many wait there and where the plan takes them. */
  private List<Activity> activities(List<ProcessInstance> instances, Map<String, String> targets,
      BpmnModelInstance sourceModel, BpmnModelInstance targetModel) {
    Map<String, Integer> waiting = new LinkedHashMap<>();
    for (ProcessInstance instance : instances) {
      ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
      if (tree != null) {
        for (String activityId : waitingActivities(tree, new LinkedHashSet<>())) {
          waiting.merge(activityId, 1, Integer::sum);
        }
      }
    }
    List<Activity> activities = new ArrayList<>();
    waiting.forEach((activityId, count) -> {
      String to = targets.get(activityId);
      activities.add(new Activity(activityId, nameOf(sourceModel, activityId), to,
          to == null ? null : nameOf(targetModel, to), count));
    });
    return activities;
  }

  private MigrationPlan build(ProcessDefinition source, ProcessDefinition target, MigrationRequest request,
      Map<String, Object> variables) {
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities();
    for (Map.Entry<String, String> mapping : new TreeMap<>(request.mappings()).entrySet()) {
      builder = builder.mapActivities(mapping.getKey(), mapping.getValue());
    }
    if (!variables.isEmpty()) {
      builder = builder.setVariables(variables);
    }
    return builder.build();
  }

  private ProcessDefinition definition(MigrationRequest request, Integer version, String what) {
    checkKey(request.processKey());
    if (version == null) {
      throw new IllegalArgumentException("缺少" + what);
    }
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(request.processKey()).processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new NotFoundException("流程「" + request.processKey() + "」没有第 " + version + " 版（" + what + "）");
    }
    return definition;
  }

  static void checkKey(String processKey) {
    if (processKey == null || !PROCESS_KEYS.contains(processKey)) {
      throw new IllegalArgumentException("流程标识（processKey）须为 " + String.join(" 或 ", new TreeSet<>(PROCESS_KEYS))
          + "，收到：" + processKey);
    }
  }

  private static void checkMappings(MigrationRequest request, ProcessDefinition source, BpmnModelInstance sourceModel,
      ProcessDefinition target, BpmnModelInstance targetModel) {
    List<String> problems = new ArrayList<>();
    request.mappings().forEach((from, to) -> {
      if (!(sourceModel.getModelElementById(from) instanceof FlowElement)) {
        problems.add("映射的源环节「" + from + "」不在第 " + source.getVersion() + " 版中");
      }
      if (to == null || !(targetModel.getModelElementById(to) instanceof FlowElement)) {
        problems.add("映射的目标环节「" + to + "」不在第 " + target.getVersion() + " 版中");
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
  }

  private static Map<String, String> targetsOf(MigrationPlan plan) {
    Map<String, String> targets = new LinkedHashMap<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      targets.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
    }
    return targets;
  }

  /** The leaves of an instance's activity tree: where it waits (tasks, timers, asynchronous continuations). */
  private static Set<String> waitingActivities(ActivityInstance scope, Set<String> into) {
    if (scope.getChildActivityInstances().length == 0 && scope.getChildTransitionInstances().length == 0
        && scope.getParentActivityInstanceId() != null) {
      into.add(scope.getActivityId());
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      waitingActivities(child, into);
    }
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
    return into;
  }

  static String nameOf(BpmnModelInstance model, String activityId) {
    String id = activityId.endsWith("#multiInstanceBody")
        ? activityId.substring(0, activityId.length() - "#multiInstanceBody".length()) : activityId;
    ModelElementInstance element = model.getModelElementById(id);
    return element instanceof FlowElement flowElement && flowElement.getName() != null ? flowElement.getName() : id;
  }

  private static Version version(ProcessDefinition definition) {
    return new Version(definition.getId(), definition.getVersion(), definition.getDeploymentId());
  }
}
