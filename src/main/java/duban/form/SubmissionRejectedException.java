package duban.form;

import duban.web.ApiException;
import java.util.List;
import java.util.Map;

/** A task submit that its form would not have allowed. The task stays open. */
public class SubmissionRejectedException extends ApiException {

  private final List<String> violations;

  public SubmissionRejectedException(String taskName, List<String> violations) {
    super(400, "InvalidFormSubmission", "提交被拒绝（" + taskName + "）：" + String.join("；", violations));
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }

  @Override
  protected Map<String, Object> details() {
    return Map.of("violations", violations);
  }
}
