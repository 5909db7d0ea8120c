package duban.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The harness's settings, all system properties so that `./mvnw -Pbench verify -Dbench.plans=50` changes them. */
record BenchConfig(
    List<String> databases,
    int lifecyclePlans,
    int queryPlans,
    int queryIterations,
    int loaderThreads,
    int reminders,
    int startupRuns,
    List<String> measures,
    Path out) {

  static BenchConfig fromSystemProperties() {
    return new BenchConfig(
        list("bench.db", "h2,postgres"),
        Integer.getInteger("bench.plans", 20),
        Integer.getInteger("bench.queryPlans", 50),
        Integer.getInteger("bench.queryIterations", 40),
        Integer.getInteger("bench.loaderThreads", 2),
        Integer.getInteger("bench.reminders", 10_000),
        Integer.getInteger("bench.startupRuns", 2),
        list("bench.measures", "startup,import,lifecycle,query,reminders,overview,importfiles"),
        Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath());
  }

  boolean runs(String measure) {
    return measures.contains(measure);
  }

  private static List<String> list(String property, String fallback) {
    return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }
}
