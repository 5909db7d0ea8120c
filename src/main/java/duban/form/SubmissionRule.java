package duban.form;

import java.util.List;

/** A business rule a form cannot express (a date after the deadline, a unit that exists), checked on submit. */
public interface SubmissionRule {

  /** The form id this rule applies to. */
  String formId();

  void check(Submission submission, List<String> violations);
}
