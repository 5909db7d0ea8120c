package duban.form;

import java.util.List;

/** A task submit that its form would not have allowed. The task stays open. */
public class SubmissionRejectedException extends RuntimeException {

  private final List<String> violations;

  public SubmissionRejectedException(String taskName, List<String> violations) {
    super("提交被拒绝（" + taskName + "）：" + String.join("；", violations));
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }
}
