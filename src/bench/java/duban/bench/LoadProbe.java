package duban.bench;

import duban.plan.PlanImporter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For profiling by hand: attaches duban (job executor off) to an existing database and imports plans FROM … TO as the
 * query measure loads them, so that QueryProbe and EXPLAIN ANALYZE can be run on the result again and again:
 * java -cp … duban.bench.LoadProbe URL USER PASSWORD FROM TO [property=value …]
 */
public final class LoadProbe {

  public static void main(String[] args) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", args[0]);
    properties.put("spring.datasource.username", args[1]);
    properties.put("spring.datasource.password", args[2]);
    properties.put("spring.profiles.active", "postgres");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("duban.seed.import-on-startup", "false");
    for (int i = 5; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      properties.put(kv[0], kv[1]);
    }
    try (App app = App.start(properties, Map.of())) {
      double seconds = Loader.load(app.bean(PlanImporter.class), "Q", Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), 2);
      System.out.printf("LOADED plans %s-%s in %.0f s%n", args[3], args[4], seconds);
    }
    System.exit(0);
  }
}
