package duban.reminder;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The delegates the supervision process names for its reminders. */
@Configuration
@EnableScheduling
class ReminderConfiguration {

  @Bean
  JavaDelegate ladderCheckDelegate(LadderService ladder) {
    return ladder::check;
  }

  @Bean
  JavaDelegate noticeDeliveryDelegate(LadderService ladder) {
    return ladder::scheduleNext;
  }

  /** Back-off of a failing reminder job (and of a failing message), as the BPMN's failedJobRetryTimeCycle reads it. */
  @Bean
  String reminderRetryCycle(ReminderSettings settings) {
    return settings.retryCycle();
  }

  @Bean
  JavaDelegate stepReminderDelegate(StepReminders reminders) {
    return reminders::remind;
  }
}
