package duban.bench;

import duban.plan.PlanImporter;
import duban.supervision.LifecycleDriver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 15 point 4, over HTTP as the Cockpit plugin and a download call them: the overview's and the timeline's p95,
 * the ledger of 67 tasks, each beside the baseline of the lightest authenticated duban call ({@code GET /api/units});
 * the overview again with more plans loaded; and the read model's upkeep as a share of the lifecycle's time (the
 * journal's timer, snapshot and writes, over the wall time of importing and working plans to their end).
 */
final class OverviewMeasure {

  private static final String USER = "supervisor";

  private final App app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  OverviewMeasure(App app) {
    this.app = app;
    this.base = "http://localhost:" + app.context.getEnvironment().getProperty("local.server.port");
  }

  Map<String, Object> run(int lifecyclePlans, int scalePlans, int iterations, int threads) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("upkeep", upkeep(lifecyclePlans));
    PlanImporter importer = app.bean(PlanImporter.class);
    Seed.check(importer.importPlan("OV", Seed.TEXT));
    m.put("seedPlan", reads("OV", iterations));
    if (scalePlans > 1) {
      double seconds = Loader.load(importer, "OVS", 2, scalePlans, threads);
      Map<String, Object> scaled = new LinkedHashMap<>();
      scaled.put("plans", scalePlans);
      scaled.put("loadSeconds", Stats.round(seconds));
      scaled.put("overview", measure("/api/plans/OV/overview", iterations).summary());
      scaled.put("baseline", measure("/api/units", iterations).summary());
      m.put("withMorePlans", scaled);
    }
    return m;
  }

  private Map<String, Object> upkeep(int plans) {
    Timer journal = app.bean(MeterRegistry.class).get("duban.journal").timer();
    LifecycleDriver driver = new LifecycleDriver(app.context);
    PlanImporter importer = app.bean(PlanImporter.class);
    long wall = 0;
    double journalSeconds = 0;
    for (int round = 0; round <= plans; round++) {
      String code = "OVL" + round;
      double before = journal.totalTime(TimeUnit.NANOSECONDS);
      long t0 = System.nanoTime();
      Seed.check(importer.importPlan(code, Seed.TEXT));
      driver.drive(code + "-", 50, 0, t -> true);
      long t1 = System.nanoTime();
      if (round > 0) { // round 0 warms up
        wall += t1 - t0;
        journalSeconds += (journal.totalTime(TimeUnit.NANOSECONDS) - before) / 1e9;
      }
      Progress.log("  overview upkeep round %d/%d: %.1f s", round, plans, (t1 - t0) / 1e9);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plans", plans);
    m.put("lifecycleSeconds", Stats.round(wall / 1e9));
    m.put("journalSeconds", Stats.round(journalSeconds));
    m.put("shareOfLifecycle", Math.round(10000.0 * journalSeconds / (wall / 1e9)) / 10000.0);
    return m;
  }

  private Map<String, Object> reads(String plan, int iterations) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    measure("/api/units", iterations / 4); // warm-up of both paths
    measure("/api/plans/" + plan + "/overview", iterations / 4);
    m.put("baseline", measure("/api/units", iterations).summary());
    m.put("overview", measure("/api/plans/" + plan + "/overview", iterations).summary());
    m.put("timeline", measure("/api/plans/" + plan + "/tasks/3/timeline", iterations).summary());
    m.put("ledger", measure("/api/plans/" + plan + "/ledger.xlsx", Math.max(5, iterations / 10)).summary());
    return m;
  }

  private Stats measure(String path, int iterations) throws Exception {
    Stats stats = new Stats();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((USER + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build();
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      stats.add(System.nanoTime() - t0);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
    }
    return stats;
  }
}
