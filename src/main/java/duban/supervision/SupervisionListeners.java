package duban.supervision;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners {@code TaskSupervisionProcess} names, each a line of glue to {@link SupervisionService}. */
@Configuration
class SupervisionListeners {

  @Bean
  TaskListener taskPresentationListener(TaskPresentation presentation) {
    return presentation::present;
  }

  @Bean
  TaskListener designationListener(SupervisionService service) {
    return service::designated;
  }

  @Bean
  TaskListener acknowledgementListener(SupervisionService service) {
    return service::acknowledged;
  }

  @Bean
  TaskListener reassignmentListener(SupervisionService service) {
    return service::reassigned;
  }

  @Bean
  TaskListener contributionListener(SupervisionService service) {
    return service::contributed;
  }

  @Bean
  TaskListener reportListener(SupervisionService service) {
    return service::reported;
  }

  @Bean
  TaskListener extensionListener(SupervisionService service) {
    return service::extensionReviewed;
  }

  @Bean
  TaskListener reviewListener(SupervisionService service) {
    return service::reviewed;
  }

  @Bean
  ExecutionListener partApprovedListener(SupervisionService service) {
    return service::partApproved;
  }

  @Bean
  ExecutionListener periodApprovedListener(SupervisionService service) {
    return service::periodApproved;
  }

  @Bean
  TaskListener signOffListener(SupervisionService service) {
    return service::signOffDecided;
  }

  @Bean
  ExecutionListener unitAccessListener(SupervisionService service) {
    return service::grantUnitAccess;
  }

  @Bean
  ExecutionListener exemptedListener(SupervisionService service) {
    return service::exempted;
  }

  @Bean
  ExecutionListener signedOffListener(SupervisionService service) {
    return service::signedOff;
  }
}
