package duban.bench;

import duban.plan.PlanImporter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads plans through the real importer (one transaction of 67 starts per plan), on a few threads. The job executor
 * is off while loading, so the reminder jobs each start leaves behind wait instead of competing with the load.
 */
final class Loader {

  private Loader() {}

  /** Imports plans prefix1 … prefixN; returns the wall time in seconds. */
  static double load(PlanImporter importer, String prefix, int from, int to, int threads) {
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger(from);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i <= to; i = next.getAndIncrement()) {
          Seed.check(importer.importPlan(prefix + i, Seed.TEXT));
          if (i % 50 == 0) {
            Progress.log("  loaded %d/%d plans (%.0f s)", i, to, (System.nanoTime() - start) / 1e9);
          }
        }
        return null;
      }));
    }
    try {
      for (Future<?> w : workers) {
        w.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("loading failed", e);
    } finally {
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
