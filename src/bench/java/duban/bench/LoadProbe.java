package duban.bench;

import duban.plan.PlanImporter;
import java.util.Map;

/**
 * For profiling by hand: attaches duban (job executor off) to an existing database and imports plans FROM … TO as the
 * query measure loads them, so that QueryProbe and EXPLAIN ANALYZE can be run on the result again and again:
 * java -cp … duban.bench.LoadProbe URL USER PASSWORD FROM TO [property=value …]
 */
public final class LoadProbe {

  public static void main(String[] args) {
    Map<String, String> properties = App.attached(args, 5);
    try (App app = App.start(properties, Map.of())) {
      double seconds = Loader.load(app.bean(PlanImporter.class), "Q", Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), 2);
      System.out.printf("LOADED plans %s-%s in %.0f s%n", args[3], args[4], seconds);
    }
    System.exit(0);
  }
}
