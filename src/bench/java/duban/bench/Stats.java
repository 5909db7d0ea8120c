package duban.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency samples in nanoseconds, summarised in milliseconds. */
final class Stats {

  private final List<Long> samples = new ArrayList<>();

  void add(long nanos) {
    samples.add(nanos);
  }

  double percentile(double p) {
    List<Long> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", samples.size());
    m.put("p50Ms", round(percentile(50)));
    m.put("p95Ms", round(percentile(95)));
    m.put("p99Ms", round(percentile(99)));
    return m;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
