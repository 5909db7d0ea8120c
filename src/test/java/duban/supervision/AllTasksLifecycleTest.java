package duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * All 67 imported tasks, worked to their end by the users of the groups each step is offered to, submitting only what
 * the forms show, while no unit's 本单位待办 ever lists a task not offered to it. (The same on PostgreSQL, with the job
 * executor running: duban.cluster.PostgresLifecycleIT.)
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:all-tasks;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class AllTasksLifecycleTest {

  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;

  @Test
  void drivesEveryImportedTaskToSignOffThroughItsForms() {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("JNSC2022-%").count()).isEqualTo(67);
    LifecycleDriver driver = new LifecycleDriver(context);

    LifecycleDriver.Result result = driver.drive("JNSC2022-", 20, 20, task -> true);

    driver.assertAllSignedOff("JNSC2022", 67, result);
  }
}
