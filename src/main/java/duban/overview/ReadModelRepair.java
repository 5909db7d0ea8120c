package duban.overview;

import duban.plan.Plan;
import duban.plan.PlanCatalog;
import duban.supervision.SupervisionProcess;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * On start-up, rebuilds the rows of any plan whose instances outnumber its rows: a database from before the read
 * model, or one restored without it. {@code duban.overview.repair-on-startup} turns it off.
 */
@Component
public class ReadModelRepair {

  private static final Logger log = LoggerFactory.getLogger(ReadModelRepair.class);

  private final boolean enabled;
  private final PlanCatalog catalog;
  private final HistoryService history;
  private final ReadModel readModel;
  private final ReadModelRebuild rebuild;

  @ConfigurationProperties("duban.overview")
  record Settings(boolean repairOnStartup) {}

  ReadModelRepair(Settings settings, PlanCatalog catalog,
      HistoryService history, ReadModel readModel, ReadModelRebuild rebuild) {
    this.enabled = settings.repairOnStartup();
    this.catalog = catalog;
    this.history = history;
    this.readModel = readModel;
    this.rebuild = rebuild;
  }

  /** Step 8 of {@code duban.startup.StartupSequence}. */
  public void run() {
    if (!enabled) {
      return;
    }
    for (Plan plan : catalog.all()) {
      long instances = history.createHistoricProcessInstanceQuery().processDefinitionKey(SupervisionProcess.KEY)
          .processInstanceBusinessKeyLike(plan.code() + "-%").count();
      if (instances > readModel.count(plan.code())) {
        log.info("Rebuilding the overview of plan {}: {} instances, {} rows", plan.code(), instances,
            readModel.count(plan.code()));
        try {
          rebuild.rebuild(plan.code());
        } catch (RuntimeException e) { // e.g. another node rebuilding it at the same moment: the app still starts
          log.warn("Could not rebuild the overview of plan {}: {}; POST /api/plans/{}/overview/rebuild repairs it",
              plan.code(), e.toString(), plan.code());
        }
      }
    }
  }
}
