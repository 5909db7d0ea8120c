package duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness of issue 9: ./mvnw -Pbench verify (see README, Performance). For each database in bench.db it
 * measures start-up, import, lifecycle, task queries at scale and a reminder burst, each beside its baseline, and
 * writes target/bench/report.json and report.md after every measure, so a long run that is stopped keeps what it has.
 */
class DubanBench {

  @Test
  @SuppressWarnings("unchecked")
  void measure() throws Exception {
    BenchConfig config = BenchConfig.fromSystemProperties();
    Database.deleteTree(config.out());
    Files.createDirectories(config.out().resolve("logs"));
    Progress.to(config.out().resolve("progress.log"));
    Report report = new Report(config);
    Progress.log("bench: %s", config);
    for (String name : config.databases()) {
      try (Database db = Database.of(name, config.out())) {
        Map<String, Object> r = report.database(name);
        r.put("database", db.describe());
        Progress.log("%s", db.describe());
        if (config.runs("startup")) {
          Progress.log("start-up and memory");
          attempt(report, r, "startup", () -> r.put("startup",
              new StartupMeasure(db, config.out().resolve("logs")).run(config.startupRuns())));
        }
        if (config.runs("import") || config.runs("lifecycle")) {
          Progress.log("import and lifecycle, %d plans", config.lifecyclePlans());
          attempt(report, r, "lifecycle", () -> {
            try (App app = App.start(db.fresh("lifecycle"), Map.of())) {
              r.putAll(new LifecycleMeasure(app).run(config.lifecyclePlans()));
            }
          });
        }
        if (config.runs("reminders")) {
          Progress.log("reminder burst, %d reminders", config.reminders());
          attempt(report, r, "reminders", () -> {
            int port = freePort();
            GreenMail smtp = new GreenMail(new ServerSetup(port, "localhost", "smtp"));
            smtp.start();
            BenchRobots robots = new BenchRobots();
            Map<String, String> settings = new java.util.HashMap<>(robots.settings());
            settings.putAll(Map.of("spring.mail.host", "localhost", "spring.mail.port", String.valueOf(port)));
            try (App app = App.start(db.fresh("reminders"), settings)) {
              r.put("reminders", new ReminderBurstMeasure(app, smtp, robots).run(config.reminders(),
                  config.loaderThreads()));
            } finally {
              ClockUtil.reset();
              smtp.stop();
              robots.close();
            }
          });
        }
        if (config.runs("overview")) {
          Progress.log("overview, timeline and ledger (issue 15)");
          attempt(report, r, "overview", () -> {
            try (App app = App.start(db.fresh("overview"), Map.of("camunda.bpm.job-execution.enabled", "false"))) {
              r.put("overview", new OverviewMeasure(app).run(Integer.getInteger("bench.overviewLifecyclePlans", 2),
                  Integer.getInteger("bench.overviewPlans", 1000), config.queryIterations() * 5, config.loaderThreads()));
            }
          });
        }
        if (config.runs("importfiles")) {
          Progress.log("import from .docx and preview (issue 17)");
          attempt(report, r, "importfiles", () -> {
            try (App app = App.start(db.fresh("importfiles"), Map.of())) {
              r.put("importFiles", new ImportFileMeasure(app).run(Integer.getInteger("bench.importRounds", 10)));
            }
          });
        }
        if (config.runs("query")) {
          Progress.log("task queries, %d plans", config.queryPlans());
          attempt(report, r, "query", () -> {
            try (App app = App.start(db.fresh("query"), Map.of("camunda.bpm.job-execution.enabled", "false"))) {
              new QueryMeasure(app).run(config.queryPlans(), config.loaderThreads(), config.queryIterations(),
                  checkpoint -> {
                    r.put("query", checkpoint);
                    ((java.util.List<Object>) r.computeIfAbsent("queryBySize", k -> new java.util.ArrayList<>()))
                        .add(checkpoint);
                    report.write();
                  });
            }
          });
        }
      }
    }
    Progress.log("report: %s", config.out().resolve("report.md"));
    assertThat(failures).as("measures that failed (their errors are in the report)").isEmpty();
    for (String name : config.databases()) {
      if (report.database(name).get("reminders") instanceof Map<?, ?> burst) {
        assertThat(burst.get("duplicates")).as("duplicate reminders on %s", name).isEqualTo(0);
        assertThat(burst.get("failedJobs")).as("failed reminder jobs on %s", name).isEqualTo(0L);
      }
    }
  }

  private final java.util.List<String> failures = new java.util.ArrayList<>();

  interface Measure {
    void run() throws Exception;
  }

  /** One measure; a failure is recorded in the report and the run goes on, so one command always yields a report. */
  private void attempt(Report report, Map<String, Object> r, String name, Measure measure) {
    try {
      measure.run();
    } catch (Exception | AssertionError e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage()
          + (e.getCause() == null ? "" : " (cause: " + rootCause(e) + ")");
      r.put(name + "Error", error);
      failures.add(r.get("database") + " / " + name + ": " + error);
      Progress.log("  %s failed: %s", name, error);
    }
    report.write();
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
