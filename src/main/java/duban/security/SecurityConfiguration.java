package duban.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class SecurityConfiguration {

  /** {@code duban.security}: HSTS on duban's API and the REST API. */
  @ConfigurationProperties("duban.security")
  record Settings(boolean hsts) {}


  /**
   * Engine-side: no expression in an ad-hoc task query, whatever API it came through; grants only; the caller's groups
   * checked without a scan of all grants first.
   */
  @Bean
  ProcessEnginePlugin adhocExpressionGuardPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
          configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new AdhocExpressionGuard());
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new AdhocExpressionGuard());
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new RevokeGuard());
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new RevokeGuard());
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommentGuard(configuration));
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new MetricsGuard(configuration.getIdentityService()));
        configuration.getCustomPreCommandInterceptorsTxRequired().add(
            new PlainRefusals(configuration.getIdentityService(), configuration.getTaskService()));
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
        if (configuration.getCustomSessionFactories() == null) {
          configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(AuthorizedGroups.factory());
      }
    };
  }

  /** HTTP-side: the same refusal as a 400 with a message, before anything is parsed. */
  @Bean
  FilterRegistrationBean<ExpressionRequestFilter> expressionRequestFilter(CurrentUser currentUser) {
    FilterRegistrationBean<ExpressionRequestFilter> registration =
        new FilterRegistrationBean<>(new ExpressionRequestFilter(currentUser));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
    return registration;
  }

  /** Oversized bodies are refused before anyone reads them, the anonymous included. */
  @Bean
  FilterRegistrationBean<BodySizeFilter> bodySizeFilter(HttpLimits limits) {
    FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(new BodySizeFilter(limits));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /** The webapps' API refuses the anonymous before duban's filters look at a request (the REST API's is below). */
  @Bean
  FilterRegistrationBean<WebappLoginGate> webappLoginGate(
      CamundaBpmProperties camunda) {
    String applicationPath = camunda.getWebapp().getApplicationPath();
    FilterRegistrationBean<WebappLoginGate> registration =
        new FilterRegistrationBean<>(new WebappLoginGate(applicationPath));
    registration.addUrlPatterns(applicationPath + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdminPluginGate> adminPluginGate(
      CamundaBpmProperties camunda) {
    String applicationPath = camunda.getWebapp().getApplicationPath();
    FilterRegistrationBean<AdminPluginGate> registration = new FilterRegistrationBean<>(new AdminPluginGate(applicationPath));
    registration.addUrlPatterns(applicationPath + "/api/admin/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }

  /** The admin account is created from configuration; the setup page must never create another. */
  @Bean
  FilterRegistrationBean<Filter> adminSetupBlocker() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) ->
        ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN, "管理员账号由配置创建，初始化页面已关闭"));
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** The webapps get Camunda's own security headers; duban's API and the REST API get these. */
  @Bean
  FilterRegistrationBean<Filter> apiSecurityHeaders(Settings settings) {
    boolean hsts = settings.hsts();
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setHeader("X-Content-Type-Options", "nosniff");
      http.setHeader("X-Frame-Options", "DENY");
      http.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      http.setHeader("Cache-Control", "no-store");
      if (hsts) {
        http.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
      }
      chain.doFilter(request, response);
    });
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
