package duban.form;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class FormConfiguration {

  @Bean
  FilterRegistrationBean<SubmissionGuardFilter> submissionGuardFilter(
      SubmissionValidator validator, IdentityService identityService, TaskService taskService) {
    FilterRegistrationBean<SubmissionGuardFilter> registration =
        new FilterRegistrationBean<>(new SubmissionGuardFilter(validator, identityService, taskService));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  /** Outside the form checks, so that a submit tried again is checked again. */
  @Bean
  FilterRegistrationBean<CompletionRetryFilter> completionRetryFilter(SubmitRetry retry, ClosedTasks closedTasks) {
    FilterRegistrationBean<CompletionRetryFilter> registration =
        new FilterRegistrationBean<>(new CompletionRetryFilter(retry, closedTasks));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 15);
    return registration;
  }
}
