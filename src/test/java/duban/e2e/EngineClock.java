package duban.e2e;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's clock in the browser tests, so that what they see does not depend on the day they run. Registered
 * before Spring's extension (see {@link E2eApplication}), it moves the clock before the application starts: the seed
 * is then imported at {@link #IMPORTED_AT} whichever browser test starts the shared application, and a test that
 * needs a later day moves the clock on with {@link #runFrom}.
 *
 * <p>The clock keeps running from the moment it is set (a frozen clock would give every task and comment the same
 * time), and each moment keeps its offset for the whole run, so setting it twice does not make time go back.
 */
public final class EngineClock implements BeforeAllCallback, AfterAllCallback {

  public static final ZoneId JINAN = ZoneId.of("Asia/Shanghai");
  /** When the browser tests' application imports the seed: its 2023–2025 deadlines have passed, its 2026 ones not. */
  public static final LocalDateTime IMPORTED_AT = LocalDateTime.of(2026, 11, 26, 10, 0);

  private static final Map<LocalDateTime, Long> OFFSETS = new ConcurrentHashMap<>();

  /** Lets the engine's clock run on from {@code moment} (the same offset each time for the same moment). */
  public static void runFrom(LocalDateTime moment) {
    ClockUtil.offset(OFFSETS.computeIfAbsent(moment,
        m -> m.atZone(JINAN).toInstant().toEpochMilli() - System.currentTimeMillis()));
  }

  /** The engine's current time in Jinan. */
  public static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), JINAN);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    runFrom(IMPORTED_AT);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClockUtil.reset();
  }
}
