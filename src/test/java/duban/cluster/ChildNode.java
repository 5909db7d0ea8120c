package duban.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, started from this test's class path with the {@code postgres} profile and
 * its connection in the environment, as an operator would; it can be killed outright (SIGKILL).
 */
final class ChildNode implements AutoCloseable {

  final String name;
  private final Process process;
  private final Path log;

  private ChildNode(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Its output goes to target/cluster/NAME.log, kept for whoever has to find out what it did. */
  static ChildNode start(String name, Postgres.Database db, long clockOffsetMillis, String... settings)
      throws IOException {
    Path log = Files.createDirectories(Path.of("target", "cluster")).resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai",
        "-Dduban.test.clock-offset=" + clockOffsetMillis,
        "-cp", classPath(),
        ShiftedClockMain.class.getName(),
        "--spring.profiles.active=postgres",
        "--server.port=0",
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(List.of(settings));
    ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("POSTGRES_URL", db.url());
    builder.environment().put("POSTGRES_USER", db.user());
    builder.environment().put("POSTGRES_PASSWORD", db.password());
    return new ChildNode(name, builder.start(), log);
  }

  /**
   * The test's own class path; surefire and failsafe hand the full one over in a property of their own. Empty
   * entries go: the JVM would read them as the working directory, and deploy the project's bpmn/ folder twice.
   */
  private static String classPath() {
    String forked = System.getProperty("surefire.test.class.path");
    String path = forked != null && !forked.isBlank() ? forked : System.getProperty("java.class.path");
    return Arrays.stream(path.split(File.pathSeparator)).filter(e -> !e.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  void awaitStarted(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String out = output();
      if (out.contains("Started DubanApplication")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(out));
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + tail(output()));
  }

  /** SIGKILL: no shutdown hook, no clean-up, connections dropped mid-transaction. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived SIGKILL");
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private static String tail(String out) {
    return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
