package duban.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (timers, due dates, history): tests move it with {@code ClockUtil}, and duban's dates follow. */
public final class EngineClock {

  private EngineClock() {}

  public static Date currentTime() {
    return ClockUtil.getCurrentTime();
  }
}
