package duban.ops;

import duban.engine.EngineClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the work on hand: open tasks, tasks past their due date, open incidents. Counted every
 * {@code duban.ops.metrics-refresh} (one pass over the runtime task and incident tables each), not per scrape, so a
 * scraper cannot load the database; between refreshes a scrape reads the last counts. NaN until the first count
 * and while the database cannot be read.
 */
@Component
class WorkloadMetrics {

  private static final Logger log = LoggerFactory.getLogger(WorkloadMetrics.class);

  record Counts(long openTasks, long overdueTasks, long openIncidents) {}

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private volatile Counts counts;

  WorkloadMetrics(TaskService taskService, RuntimeService runtimeService, MeterRegistry meters) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    gauge(meters, "duban.tasks.open", "open user tasks", Counts::openTasks);
    gauge(meters, "duban.tasks.overdue", "open user tasks whose due date has passed", Counts::overdueTasks);
    gauge(meters, "duban.incidents.open", "open incidents (jobs that ran out of retries, failed reminders)",
        Counts::openIncidents);
  }

  private void gauge(MeterRegistry meters, String name, String description, ToLongFunction<Counts> value) {
    Gauge.builder(name, this, m -> m.counts == null ? Double.NaN : value.applyAsLong(m.counts))
        .description(description).register(meters);
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${duban.ops.metrics-refresh:PT1M}")
  void refresh() {
    try {
      // no user is authenticated on this thread: plain counts, no authorization joins
      counts = new Counts(
          taskService.createTaskQuery().count(),
          taskService.createTaskQuery().dueBefore(EngineClock.currentTime()).count(),
          runtimeService.createIncidentQuery().count());
    } catch (RuntimeException e) {
      counts = null; // no numbers rather than stale ones; the health check says why
      log.warn("Could not count tasks and incidents for the metrics: {}", e.toString());
    }
  }

  Counts counts() {
    return counts;
  }
}
