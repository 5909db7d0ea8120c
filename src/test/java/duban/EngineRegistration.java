package duban;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the test's own engine back into Camunda's static engine registry before each test. Spring keeps several test
 * applications alive in one JVM, all with an engine named "default"; when one of them closes (a restart test, a
 * context evicted from the cache), Camunda removes "default" from the registry, and the REST and webapp filters of the
 * others, which look the engine up by name, answer "Process engine default not available".
 */
public class EngineRegistration implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    ApplicationContext context = testContext.getApplicationContext();
    if (context.getBeanNamesForType(ProcessEngine.class).length > 0) {
      ProcessEngines.registerProcessEngine(context.getBean(ProcessEngine.class));
    }
  }
}
