package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import duban.form.Submission;
import duban.form.SubmissionRule;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules of the supervision forms that a form schema cannot state. */
@Configuration
class SupervisionRules {

  @Bean
  SubmissionRule extensionRequestRule() {
    return rule(SupervisionProcess.FORM_SUBMIT_REPORT, (s, violations) -> {
      if (!SubmissionType.EXTENSION.is(s.text(SUBMISSION_TYPE.name()))) {
        return;
      }
      if (Boolean.TRUE.equals(s.value(LONG_TERM.name()))) {
        violations.add("长期任务按周期报送进展，不能申请延期");
        return;
      }
      LocalDate requested = LocalDate.parse(s.text(EXTENSION_DATE.name()));
      LocalDate deadline = LocalDate.parse(s.text(DEADLINE.name()));
      LocalDate today = Today.date();
      if (!requested.isAfter(deadline) || !requested.isAfter(today)) {
        violations.add("「申请延期至」须晚于现有时限 " + deadline + " 和今天 " + today);
      }
    });
  }

  @Bean
  SubmissionRule reassignmentRule(SupervisionLists lists) {
    return rule(SupervisionProcess.FORM_REASSIGN, (s, violations) -> {
      if (!ReassignDecision.REPLACE.is(s.text(REASSIGN_DECISION.name()))) {
        return;
      }
      String replacement = s.text(REPLACEMENT_UNIT.name());
      if (lists.split(s.text(LEAD_UNITS.name())).contains(replacement)) {
        violations.add("「改由单位」已是本任务的牵头单位，请选择其他单位或维持原交办");
      }
    });
  }

  /** 签收: the contact phone is a mainland mobile or a landline with area code; the optional e-mail is an address. */
  @Bean
  SubmissionRule acknowledgementContactRule() {
    return rule(SupervisionProcess.FORM_ACKNOWLEDGE, (s, violations) -> {
      if (!AckDecision.ACCEPT.is(s.text(ACK_DECISION.name()))) {
        return;
      }
      String phone = s.text(CONTACT_PHONE.name());
      if (phone != null && !phone.isBlank() && !ResponsibleContacts.isPhone(phone)) {
        violations.add("「联系电话」须为手机号码（如 13912345678）或带区号的座机号码（如 0531-12345678）：" + phone);
      }
      String email = s.text(CONTACT_EMAIL.name());
      if (email != null && !email.isBlank() && !ResponsibleContacts.isEmail(email)) {
        violations.add("「电子邮箱」不是有效的邮箱地址：" + email);
      }
    });
  }

  private interface Check {
    void check(Submission submission, List<String> violations);
  }

  private static SubmissionRule rule(String formId, Check check) {
    return new SubmissionRule() {
      @Override
      public String formId() {
        return formId;
      }

      @Override
      public void check(Submission submission, List<String> violations) {
        check.check(submission, violations);
      }
    };
  }
}
