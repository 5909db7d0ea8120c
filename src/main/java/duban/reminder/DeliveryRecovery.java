package duban.reminder;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives reminder jobs whose retries ran out (their incidents are in Cockpit) another try now and then, so notices
 * held by a broken mail server or webhook go out once it works again, without anyone pressing retry.
 */
@Component
class DeliveryRecovery {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRecovery.class);

  private final ManagementService managementService;

  DeliveryRecovery(ManagementService managementService) {
    this.managementService = managementService;
  }

  @Scheduled(fixedDelayString = "${duban.reminders.recovery-interval}", initialDelayString = "${duban.reminders.recovery-interval}")
  int retryFailedDeliveries() {
    int retried = 0;
    for (Job job : managementService.createJobQuery().noRetriesLeft().list()) {
      if (job.getExceptionMessage() != null && job.getExceptionMessage().startsWith(NoticeDelivery.FAILURE)) {
        managementService.setJobRetries(job.getId(), 1);
        managementService.setJobDuedate(job.getId(), ClockUtil.getCurrentTime());
        retried++;
      }
    }
    if (retried > 0) {
      log.info("Retrying {} reminder deliveries that had run out of retries", retried);
    }
    return retried;
  }
}
