package duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import duban.EngineTest;
import duban.plan.PlanImporter;
import duban.supervision.LifecycleDriver;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The engine's history cleanup with duban's settings: an ended instance's history goes once its time to live has
 * passed; a younger ended instance and a running one keep theirs. Time moves with the engine's clock.
 */
@EngineTest
class HistoryCleanupTest {

  private static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  /** A Thursday morning; the three tasks are due at the end of 2026. */
  private static final LocalDateTime START = LocalDateTime.of(2026, 11, 26, 10, 0);
  private static final String TABLE = """
      附件1

      历史保留测试任务分工表

      \t序号
      \t主要内容
      \t具体措施
      \t时间要求
      \t牵头单位
      \t配合单位

      \t一、测试。

      \t1
      \t（1）测试事项。
      \t完成第一项测试措施。
      \t2026年年底
      \t市科协
      \t

      \t2
      \t
      \t完成第二项测试措施。
      \t2026年年底
      \t市科协
      \t

      \t3
      \t
      \t完成第三项测试措施。
      \t2026年年底
      \t市科协
      \t
      """;

  @Autowired PlanImporter importer;
  @Autowired HistoryRetention retention;
  @Autowired HistoryReport report;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired ApplicationContext context;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    retention.change(3650);
    runBatchJobs();
  }

  @Test
  void removesEndedInstancesHistoryAfterItsTimeToLiveAndKeepsYoungerAndRunningOnes() {
    setClock(START);
    importer.importPlan("HC", TABLE);
    retention.change(30);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyIn(
        HistoryRetention.PROCESS_KEYS.toArray(String[]::new)).list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(30));

    LifecycleDriver driver = new LifecycleDriver(context);
    driver.drive("HC-1", 20, 0, t -> true);
    setClock(START.plusDays(20));
    driver.drive("HC-2", 20, 0, t -> true);
    String first = instance("HC-1").getId();
    assertThat(instance("HC-1").getEndTime()).isNotNull();
    assertThat(instance("HC-2").getEndTime()).isNotNull();
    assertThat(instance("HC-3").getEndTime()).isNull();
    HistoryReport.Report before = report.of("HC");
    assertThat(before.instances()).isEqualTo(3);
    assertThat(before.ended()).isEqualTo(2);
    assertThat(before.rows().get("ACT_HI_VARINST")).isPositive();

    // a night 31 days after the first ended, inside the cleanup window
    setClock(START.plusDays(31).withHour(2));
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());

    assertThat(instance("HC-1")).as("history of the instance that ended 31 days ago").isNull();
    assertThat(instance("HC-2")).as("ended 11 days ago").isNotNull();
    assertThat(instance("HC-3")).as("still running").isNotNull();
    HistoryReport.Report after = report.of("HC");
    assertThat(after.instances()).isEqualTo(2);
    assertThat(after.total()).isLessThan(before.total());
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(first).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(first).count()).isZero();
  }

  @Test
  void aLongerPeriodSetLaterAppliesToInstancesThatAlreadyEnded() {
    setClock(START);
    importer.importPlan("HL", TABLE);
    retention.change(30);
    new LifecycleDriver(context).drive("HL-1", 20, 0, t -> true);
    Date endedAt = instance("HL-1").getEndTime();
    assertThat(instance("HL-1").getRemovalTime()).isEqualTo(Date.from(endedAt.toInstant().plusSeconds(30 * 86400L)));

    Batch batch = retention.change(365).orElseThrow();
    runBatchJobs();
    assertThat(historyService.createHistoricBatchQuery().batchId(batch.getId()).singleResult().getEndTime())
        .isNotNull();
    assertThat(instance("HL-1").getRemovalTime())
        .isEqualTo(Date.from(endedAt.toInstant().plusSeconds(365 * 86400L)));

    setClock(START.plusDays(31).withHour(2));
    managementService.executeJob(historyService.cleanUpHistoryAsync(true).getId());
    assertThat(instance("HL-1")).as("kept: the office extended the period").isNotNull();
  }

  @Test
  void theCleanupIsScheduledInTheNightWindow() {
    setClock(LocalDateTime.of(2026, 12, 5, 14, 0)); // a Saturday: the window applies to every day
    List<Job> jobs = List.of(historyService.cleanUpHistoryAsync());
    LocalDateTime due = LocalDateTime.ofInstant(jobs.get(0).getDuedate().toInstant(), JINAN);
    assertThat(due).isEqualTo(LocalDateTime.of(2026, 12, 6, 1, 0));
  }

  private HistoricProcessInstance instance(String businessKey) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  private void runBatchJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = managementService.createJobQuery().list().stream()
          .filter(j -> j.getJobDefinitionId() != null && isBatchJob(j)).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  private boolean isBatchJob(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).list().stream()
        .anyMatch(d -> d.getJobType().startsWith("batch-") || d.getJobType().equals("removal-time-process-instance")
            || d.getJobType().contains("set-removal-time"));
  }

  private static void setClock(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(JINAN).toInstant()));
  }
}
