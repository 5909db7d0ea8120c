package duban.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For profiling by hand: attaches duban (job executor off, no import) to an existing database and runs the query
 * measure's filters there, e.g. with an engine setting changed: java -cp … duban.bench.QueryProbe URL USER PASSWORD
 * ITERATIONS [property=value …]
 */
public final class QueryProbe {

  public static void main(String[] args) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", args[0]);
    properties.put("spring.datasource.username", args[1]);
    properties.put("spring.datasource.password", args[2]);
    properties.put("camunda.bpm.job-execution.enabled", "false");
    for (int i = 4; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      properties.put(kv[0], kv[1]);
    }
    try (App app = App.start(properties, Map.of())) {
      System.out.println("PROBE " + new QueryMeasure(app).measureOnly(Integer.parseInt(args[3])));
    }
    System.exit(0);
  }
}
