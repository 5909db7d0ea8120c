package duban.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 9 point 5. Each start is a fresh JVM (java -cp with this run's class path), timed from launch until the
 * application is ready; duban and the bare application alternate, each on a database of its own: the first start
 * creates the schema (and duban imports the seed), the next ones find it.
 */
final class StartupMeasure {

  private static final Pattern READY = Pattern.compile("BENCH-READY uptimeMs=(\\d+) heapUsedBytes=(\\d+)");
  private static final Pattern IMPORTED = Pattern.compile("Imported plan .*, (\\d+) ms");

  private final Database database;
  private final Path logs;

  StartupMeasure(Database database, Path logs) {
    this.database = database;
    this.logs = logs;
  }

  Map<String, Object> run(int runs) throws Exception {
    Map<String, String> dubanDb = database.fresh("startup_duban");
    Map<String, String> bareDb = database.fresh("startup_bare");
    List<Map<String, Object>> duban = new ArrayList<>();
    List<Map<String, Object>> bare = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      duban.add(start("duban", dubanDb, i));
      bare.add(start("bare", bareDb, i));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("duban", duban);
    m.put("bare", bare);
    m.put("firstStartRatio", Stats.round(ms(duban.get(0)) / ms(bare.get(0))));
    m.put("restartRatio", Stats.round(ms(duban.get(runs - 1)) / ms(bare.get(runs - 1))));
    m.put("heapAfterSeedImportMb", duban.get(0).get("heapUsedMb"));
    m.put("bareHeapMb", bare.get(0).get("heapUsedMb"));
    return m;
  }

  private Map<String, Object> start(String which, Map<String, String> db, int run) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dfile.encoding=UTF-8",
        "-Duser.timezone=Asia/Shanghai", "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(),
        which, "--server.port=0"));
    db.forEach((k, v) -> command.add("--" + k + "=" + v));
    if (which.equals("bare")) {
      // none of duban: no deployment of its processes, no duban tables
      command.add("--camunda.bpm.auto-deployment-enabled=false");
      command.add("--spring.sql.init.mode=never");
    }
    Path log = logs.resolve("startup-" + which + "-" + run + ".log");
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Long readyMs = null;
    Long heap = null;
    Long importMs = null;
    StringBuilder out = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        out.append(line).append('\n');
        Matcher ready = READY.matcher(line);
        if (ready.find()) {
          readyMs = (System.nanoTime() - launched) / 1_000_000;
          heap = Long.parseLong(ready.group(2));
        }
        Matcher imported = IMPORTED.matcher(line);
        if (imported.find()) {
          importMs = Long.parseLong(imported.group(1));
        }
      }
    }
    process.waitFor(2, TimeUnit.MINUTES);
    Files.writeString(log, out);
    if (readyMs == null) {
      throw new IllegalStateException(which + " did not become ready; see " + log);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run);
    m.put("readyMs", readyMs);
    m.put("heapUsedMb", Stats.round(heap / 1048576.0));
    if (importMs != null) {
      m.put("seedImportMs", importMs);
    }
    Progress.log("  start-up %s #%d: ready in %d ms, heap %.0f MB%s", which, run, readyMs, heap / 1048576.0,
        importMs == null ? "" : ", seed import " + importMs + " ms");
    return m;
  }

  private static double ms(Map<String, Object> run) {
    return ((Long) run.get("readyMs")).doubleValue();
  }
}
