package duban.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A bean an injected expression would call: if it is ever touched, an expression was evaluated. */
public class Canary {

  /**
   * Registers the canary. Not nested in a test class: Spring adds a test class's own nested configuration to its
   * context's key, and that class would then get an application of its own instead of the shared one.
   */
  @TestConfiguration
  public static class Registration {
    @Bean
    Canary canary() {
      return new Canary();
    }
  }

  private final AtomicInteger touches = new AtomicInteger();

  public String touch() {
    touches.incrementAndGet();
    return "nobody";
  }

  public int touches() {
    return touches.get();
  }
}
