package duban.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@Configuration
class EvidenceConfiguration {

  @Bean
  EvidenceStore evidenceStore(JdbcTemplate jdbc) {
    return new EvidenceStore(jdbc);
  }

  @Bean
  EvidenceService evidenceService(EvidenceStore store, EvidenceAccess access, EvidenceSettings settings,
      PlatformTransactionManager transactions, EvidenceJournal journal) {
    return new EvidenceService(store, access, settings, new TransactionTemplate(transactions), journal);
  }

  @Bean
  EvidenceListing evidenceListing(EvidenceAccess access, EvidenceService service, EvidenceSettings settings,
      org.camunda.bpm.engine.IdentityService identityService) {
    return new EvidenceListing(access, service, settings, identityService);
  }

  @Bean
  EvidenceArchive evidenceArchive(EvidenceAccess access, EvidenceService service) {
    return new EvidenceArchive(access, service);
  }

  /** After the API's authentication (HIGHEST_PRECEDENCE + 100), before the servlet reads the body. */
  @Bean
  FilterRegistrationBean<EvidenceUploadGate> evidenceUploadGate(EvidenceService service, EvidenceSettings settings) {
    FilterRegistrationBean<EvidenceUploadGate> registration =
        new FilterRegistrationBean<>(new EvidenceUploadGate(service, settings));
    registration.addUrlPatterns("/api/tasks/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 110);
    return registration;
  }

  @RestControllerAdvice(assignableTypes = EvidenceController.class)
  static class EvidenceErrors {
    @ExceptionHandler(EvidenceRejectedException.class)
    ResponseEntity<Map<String, Object>> refused(EvidenceRejectedException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", e.type());
      body.put("message", e.getMessage());
      return ResponseEntity.status(e.status()).body(body);
    }
  }
}
