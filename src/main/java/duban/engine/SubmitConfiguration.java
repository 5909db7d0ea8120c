package duban.engine;

import duban.form.SubmissionValidator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the submit path in both of the engine's command executors: {@link SubmitRetry} outermost, around the
 * transaction, and {@link SubmitCheck} inside the command context, next to the command. The rules come from Spring
 * beans that need the engine themselves, so they are looked up at the first submit.
 */
@Configuration
class SubmitConfiguration {

  /** {@code duban.submissions}: how often a submit that collided with a concurrent one is tried. */
  @ConfigurationProperties("duban.submissions")
  record Settings(int maxAttempts) {}

  @Bean
  ProcessEnginePlugin submitPathPlugin(Settings settings,
      MeterRegistry meters, ObjectProvider<SubmissionValidator> validator) {
    DeployedForms forms = new DeployedForms();
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        ClosedTasks closedTasks = new ClosedTasks(configuration);
        configuration.setCustomPreCommandInterceptorsTxRequired(
            first(new SubmitRetry(settings.maxAttempts(), meters, closedTasks), configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
            first(new SubmitRetry(settings.maxAttempts(), meters, closedTasks), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        configuration.setCustomPostCommandInterceptorsTxRequired(
            first(new SubmitCheck(forms, closedTasks, validator::getObject), configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
            first(new SubmitCheck(forms, closedTasks, validator::getObject), configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
      }
    };
  }

  private static List<CommandInterceptor> first(CommandInterceptor interceptor, List<CommandInterceptor> others) {
    List<CommandInterceptor> chain = new ArrayList<>();
    chain.add(interceptor);
    if (others != null) {
      chain.addAll(others);
    }
    return chain;
  }
}
