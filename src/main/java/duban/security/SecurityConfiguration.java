package duban.security;

import duban.engine.CurrentUser;
import duban.engine.MetricsReaders;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
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


  /** The engine's metrics guard asks who may read metrics. */
  @Bean
  MetricsReaders metricsReaders() {
    return () -> AdminPluginGate.METRICS_READERS;
  }

  /** HTTP-side: the engine's refusal of query expressions as a 400 with a message, before anything is parsed. */
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
