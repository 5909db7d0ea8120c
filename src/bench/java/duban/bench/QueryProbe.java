package duban.bench;

import java.util.Map;

/**
 * For profiling by hand: attaches duban (job executor off, no import) to an existing database and runs the query
 * measure's filters there, e.g. with an engine setting changed: java -cp … duban.bench.QueryProbe URL USER PASSWORD
 * ITERATIONS [property=value …]
 */
public final class QueryProbe {

  public static void main(String[] args) {
    Map<String, String> properties = App.attached(args, 4);
    try (App app = App.start(properties, Map.of())) {
      System.out.println("PROBE " + new QueryMeasure(app).measureOnly(Integer.parseInt(args[3])));
    }
    System.exit(0);
  }
}
