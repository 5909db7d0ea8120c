package duban.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs the guards in front of every command, whatever API it came through: {@link AttachmentGuard}, no
 * expression in an ad-hoc task query, grants only, comments and metrics for those who may read them, plain
 * refusals; and checks the caller's groups without a scan of all grants first ({@link AuthorizedGroups}).
 */
@Component
class GuardPlugin extends AbstractProcessEnginePlugin {

  private final MetricsReaders metricsReaders;

  GuardPlugin(MetricsReaders metricsReaders) {
    this.metricsReaders = metricsReaders;
  }

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
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new AdhocExpressionGuard());
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new AdhocExpressionGuard());
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new RevokeGuard());
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new RevokeGuard());
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommentGuard(configuration));
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new MetricsGuard(configuration.getIdentityService(),
        metricsReaders.groupIds()));
    configuration.getCustomPreCommandInterceptorsTxRequired().add(
        new PlainRefusals(configuration.getIdentityService(), configuration.getTaskService()));
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(AuthorizedGroups.factory());
  }
}
