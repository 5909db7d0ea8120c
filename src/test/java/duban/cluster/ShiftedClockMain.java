package duban.cluster;

import duban.DubanApplication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Starts {@link DubanApplication} in a JVM of its own with the engine's clock moved by
 * {@code -Dduban.test.clock-offset} milliseconds (and running on), so that it keeps the same time as the nodes of
 * the test that started it. Notices go out in office hours only; this lets a test run at any hour.
 */
public final class ShiftedClockMain {

  private ShiftedClockMain() {}

  public static void main(String[] args) {
    ClockUtil.offset(Long.getLong("duban.test.clock-offset", 0L));
    DubanApplication.main(args);
  }
}
