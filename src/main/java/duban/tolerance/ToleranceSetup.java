package duban.tolerance;

import duban.engine.CurrentUser;
import duban.form.Submission;
import duban.form.SubmissionRule;
import duban.security.Grants;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 容错 process's glue: its listeners and delegates, who may file and decide, and the filing rule. */
@Configuration
class ToleranceSetup {

  static final String TOLERANCE_GROUP = "tolerance";

  @Bean
  ExecutionListener toleranceFiledListener(ToleranceService service) {
    return service::filed;
  }

  @Bean
  ExecutionListener toleranceClosedListener(ToleranceService service) {
    return service::closed;
  }

  @Bean
  JavaDelegate applyDeterminationDelegate(ToleranceService service) {
    return service::applyDetermination;
  }

  @Bean
  JavaDelegate toleranceNoticeDelegate(ToleranceService service) {
    return service::notifyApplicant;
  }

  @Bean
  JavaDelegate toleranceStepReminderDelegate(ToleranceService service) {
    return service::remindStep;
  }

  @Bean
  TaskListener toleranceTaskListener(ToleranceService service) {
    return service::taskCreated;
  }

  /** Filing checks the caller against the task before the process starts, so a refusal is a 400 with the reason. */
  @Bean
  SubmissionRule toleranceFilingRule(Eligibility eligibility, IdentityService identityService) {
    return new SubmissionRule() {
      @Override
      public String formId() {
        return ToleranceVariables.FORM_APPLICATION;
      }

      @Override
      public void check(Submission submission, List<String> violations) {
        List<String> groups = new CurrentUser(identityService).groupIds();
        violations.addAll(eligibility.problems(submission.text(ToleranceVariables.TASK_KEY), groups));
      }
    };
  }
}
