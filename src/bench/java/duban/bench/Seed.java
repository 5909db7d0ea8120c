package duban.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped Jinan table, imported under as many plan codes as a measure needs. */
final class Seed {

  static final String TEXT = read();
  static final int TASKS = 67;

  private Seed() {}

  /** Fails unless the import started every task: a plan found already imported would measure nothing. */
  static void check(duban.plan.ImportResult result) {
    if (result.started() != TASKS) {
      throw new IllegalStateException("expected " + TASKS + " new instances: " + result);
    }
  }

  private static String read() {
    try (InputStream in = Seed.class.getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
