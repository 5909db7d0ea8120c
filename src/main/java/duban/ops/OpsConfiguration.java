package duban.ops;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Operations: who may read the actuator. Health comes from Spring Boot and Camunda's starter, metrics from here. */
@Configuration
class OpsConfiguration {

  @Bean
  FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthenticationFilter(IdentityService identityService) {
    FilterRegistrationBean<ActuatorAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ActuatorAuthenticationFilter(identityService));
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
