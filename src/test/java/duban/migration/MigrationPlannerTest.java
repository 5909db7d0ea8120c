package duban.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import duban.EngineTest;
import duban.plan.Plan;
import duban.plan.TaskDivisionTableParser;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionStart;
import duban.unit.UnitDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Plans that must not run, on H2: instances the new version has no place for (found alike in one dry-run
 * transaction and in several), and a mapping the engine refuses. Each test deploys its version and removes it again, so the other
 * tests of the shared context keep starting on the shipped one.
 */
@EngineTest
class MigrationPlannerTest {

  private static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");

  @Autowired Migrations migrations;
  @Autowired DryRun dryRun;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired SupervisionStart supervisionStart;
  @Autowired UnitDirectory directory;

  private final List<String> deployments = new ArrayList<>();
  private final List<String> instances = new ArrayList<>();
  private Plan seed;

  @BeforeEach
  void setUp() throws IOException {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 26, 10, 0).atZone(JINAN).toInstant()));
    try (InputStream in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      seed = new TaskDivisionTableParser(directory).parse("SEED", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @AfterEach
  void tearDown() {
    runtimeService.deleteProcessInstancesIfExists(instances, "test over", true, true, true);
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
    ClockUtil.reset();
  }

  @Test
  void listsEveryInstanceWaitingAtAStepTheNewVersionLacksAndMovesNone() throws IOException {
    int atReport = 5;
    deployOwnSourceVersion();
    for (int i = 0; i < atReport; i++) {
      start("PLN" + i, 3); // past its deadline: starts at 报送
    }
    String acknowledging = start("PLNA", 6).getId();
    ProcessDefinition source = latest();
    ProcessDefinition target = deployWithRenamedReport();

    MigrationRequest request = new MigrationRequest(SupervisionProcess.KEY, source.getVersion(), target.getVersion(),
        Map.of(), Map.of());
    MigrationReport report = migrations.validate(request);

    assertThat(report.executable()).isFalse();
    assertThat(report.planProblems()).isEmpty();
    assertThat(report.blockedInstances()).hasSize(atReport)
        .allSatisfy(b -> assertThat(b.reasons()).singleElement().asString()
            .startsWith("停留在「报送办理情况」（Task_SubmitReport）：新版本中没有与此环节对应的环节"))
        .noneMatch(b -> b.processInstanceId().equals(acknowledging))
        .allMatch(b -> b.businessKey().startsWith("PLN") && b.businessKey().endsWith("-3"));
    assertThat(report.activities()).filteredOn(a -> a.activityId().equals(SupervisionProcess.SUBMIT_REPORT))
        .singleElement().satisfies(a -> {
          assertThat(a.instances()).isEqualTo(atReport);
          assertThat(a.activityName()).isEqualTo("报送办理情况");
          assertThat(a.targetActivityId()).isNull();
        });
    // the same answer when the dry run tries them two at a time, in several transactions
    MigrationPlan plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    Map<String, String> keys = new HashMap<>();
    runtimeService.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instances)).list()
        .forEach(pi -> keys.put(pi.getId(), pi.getBusinessKey()));
    assertThat(dryRun.blocked(plan, instances, keys, repositoryService.getBpmnModelInstance(source.getId()), 2))
        .extracting(MigrationReport.BlockedInstance::processInstanceId)
        .containsExactlyInAnyOrderElementsOf(report.blockedInstances().stream()
            .map(MigrationReport.BlockedInstance::processInstanceId).toList());

    assertThatThrownBy(() -> migrations.execute(request)).isInstanceOf(MigrationRefusedException.class)
        .hasMessage("迁移未执行：" + atReport + " 个实例无法迁移；所有实例均未迁移，仍在第 " + source.getVersion() + " 版");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).processInstanceIds(
        new HashSet<>(instances)).count()).isEqualTo(instances.size());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(target.getId()).count()).isZero();
  }

  @Test
  void reportsAMappingTheEngineRefusesAsAProblemOfThePlan() throws IOException {
    ProcessDefinition source = latest();
    ProcessDefinition target = deployWithRenamedReport();
    MigrationReport report = migrations.validate(new MigrationRequest(SupervisionProcess.KEY, source.getVersion(),
        target.getVersion(), Map.of(SupervisionProcess.SUBMIT_REPORT, "Gateway_ReportJoin"), Map.of()));

    assertThat(report.executable()).isFalse();
    assertThat(report.planProblems()).anySatisfy(p -> assertThat(p)
        .startsWith("映射「报送办理情况」（Task_SubmitReport → Gateway_ReportJoin）："));
    assertThatThrownBy(() -> migrations.execute(new MigrationRequest(SupervisionProcess.KEY, source.getVersion(),
        target.getVersion(), Map.of(SupervisionProcess.SUBMIT_REPORT, "Gateway_ReportJoin"), Map.of())))
        .isInstanceOf(MigrationRefusedException.class).hasMessageContaining("迁移方案有");
  }

  /**
   * The version before collective leads were broken down had 报送 and 审核 at the top level; the current one has them
   * inside the multi-instance SubProcess_ReportPart. What the planner says about instances of the old version.
   */
  @Test
  void reportsWhatBecomesOfInstancesOfTheVersionBeforeTheReportParts() throws IOException {
    ProcessDefinition source = deployResource("before report parts", "migration/TaskSupervisionProcess-before-report-parts.bpmn");
    String atReport = start("PRT", 3).getId(); // past its deadline: waits at 报送
    String acknowledging = start("PRTA", 6).getId();
    ProcessDefinition target = deployOwnSourceVersion();

    MigrationReport report = migrations.validate(new MigrationRequest(SupervisionProcess.KEY, source.getVersion(),
        target.getVersion(), Map.of(), Map.of()));

    assertThat(report.executable()).isFalse();
    assertThat(report.blockedInstances()).extracting(MigrationReport.BlockedInstance::processInstanceId)
        .contains(atReport).doesNotContain(acknowledging);
    assertThat(report.blockedInstances()).filteredOn(b -> b.processInstanceId().equals(atReport)).singleElement()
        .satisfies(b -> assertThat(b.reasons().toString()).contains("Task_SubmitReport"));
  }

  private ProcessInstance start(String plan, int number) {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(SupervisionProcess.KEY,
        SupervisionProcess.businessKey(plan, number),
        supervisionStart.variables(plan, seed.tasks().get(number - 1).assignment(), LocalDate.of(2026, 11, 26)));
    instances.add(pi.getId());
    return pi;
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(SupervisionProcess.KEY)
        .latestVersion().singleResult();
  }

  /** The shipped process with 报送 under another id, deployed with its forms. */
  private ProcessDefinition deployWithRenamedReport() throws IOException {
    return deploy("renamed report", "Task_SubmitReport", "Task_SubmitProgressReport");
  }

  /**
   * The shipped process deployed again as a version of this test's own, so that only this test's instances stand on
   * the version it migrates from (the application context is shared with other process tests).
   */
  private ProcessDefinition deployOwnSourceVersion() throws IOException {
    return deploy("own source version", "Task_SubmitReport", "Task_SubmitReport");
  }

  private ProcessDefinition deploy(String name, String activity, String renamedTo) throws IOException {
    return deploy(name, "bpmn/TaskSupervisionProcess.bpmn", activity, renamedTo);
  }

  private ProcessDefinition deployResource(String name, String resource) throws IOException {
    return deploy(name, resource, "", "");
  }

  private ProcessDefinition deploy(String name, String resource, String activity, String renamedTo) throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    String bpmn = resolver.getResource("classpath:" + resource).getContentAsString(StandardCharsets.UTF_8);
    bpmn = activity.isEmpty() ? bpmn : bpmn.replace(activity, renamedTo);
    DeploymentBuilder deployment = repositoryService.createDeployment().name(name)
        .addString("TaskSupervisionProcess.bpmn", bpmn);
    for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
      deployment.addInputStream(form.getFilename(), form.getInputStream());
    }
    deployments.add(deployment.deploy().getId());
    return latest();
  }
}
