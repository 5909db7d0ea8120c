package duban.engine;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submit refused by its form's checks, on its way out of the engine's command: a bad request to the engine (rolled
 * back, logged without a stack trace), turned into the {@link duban.form.SubmissionRejectedException} callers see by
 * {@link SubmitRetry} outside it.
 */
final class RefusedSubmit extends BadUserRequestException {

  private final String subject;
  private final transient List<String> violations;

  RefusedSubmit(String subject, List<String> violations) {
    super("提交被拒绝（" + subject + "）：" + String.join("；", violations));
    this.subject = subject;
    this.violations = List.copyOf(violations);
  }

  String subject() {
    return subject;
  }

  List<String> violations() {
    return violations;
  }
}
