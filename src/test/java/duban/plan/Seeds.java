package duban.plan;

import duban.unit.UnitDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped seed files, read from the classpath as the application reads them. */
final class Seeds {

  private Seeds() {}

  static String taskDivisionTable() {
    return read("jinan-shuangchuang-task-division-2022.txt");
  }

  static UnitDirectory units() {
    return UnitDirectory.load(new ByteArrayInputStream(read("units.yaml").getBytes(StandardCharsets.UTF_8)));
  }

  private static String read(String name) {
    try (InputStream in = Seeds.class.getResourceAsStream("/seeds/" + name)) {
      if (in == null) {
        throw new IllegalStateException("seed not on the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
