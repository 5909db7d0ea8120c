package duban.architecture.broken.plan;

import duban.architecture.broken.supervision.Start;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Breaks every package rule on purpose; read only by {@code ArchitectureTest}. */
public class PlanRow {

  Start start;

  long now() {
    return ClockUtil.getCurrentTime().getTime();
  }

  String caller(HttpServletRequest request) {
    return request.getRemoteUser();
  }
}
