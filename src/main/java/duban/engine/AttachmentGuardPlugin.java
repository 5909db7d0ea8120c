package duban.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link AttachmentGuard} in front of every command. */
@Component
class AttachmentGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    // one instance per chain: an interceptor holds its chain's next link
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new AttachmentGuard(configuration));
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new AttachmentGuard(configuration));
  }
}
