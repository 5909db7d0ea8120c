package duban.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines in target/bench/progress.log (the application's own logging goes to failsafe's output file). */
final class Progress {

  private static Path file;

  private Progress() {}

  static void to(Path path) {
    file = path;
  }

  static synchronized void log(String format, Object... args) {
    String line = LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args) + "\n";
    System.err.print(line);
    if (file != null) {
      try {
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
