package duban.ops;

import duban.supervision.SupervisionProcess;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time to live of duban's process history. The engine removes an ended instance's history once its removal time
 * (end + time to live, strategy {@code end}) has passed, in the cleanup window of application.yaml. The period is a
 * property of each process definition; it is set here on every version, at start-up and when the office changes it,
 * so that a new version deployed with the BPMN's default still gets the office's period.
 */
@Component
public class HistoryRetention {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);
  static final List<String> PROCESS_KEYS = List.of(SupervisionProcess.KEY, "ToleranceApplicationProcess");
  static final String SETTING = "history.time-to-live-days";
  static final int MAX_DAYS = 36500;

  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final JdbcTemplate jdbc;
  private final HistorySettings settings;

  HistoryRetention(RepositoryService repositoryService, HistoryService historyService, JdbcTemplate jdbc,
      HistorySettings settings) {
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Step 7 of {@code duban.startup.StartupSequence}. */
  public void run() {
    int changed = applyToDefinitions(timeToLiveDays());
    if (changed > 0) {
      log.info("History time to live {} days set on {} process versions", timeToLiveDays(), changed);
    }
  }

  int timeToLiveDays() {
    return stored().orElse(settings.timeToLiveDays());
  }

  /**
   * The office's new period: every version gets it, and instances that already ended get their removal time
   * recalculated by a batch (Cockpit shows it under Batches), so the new period applies to them too.
   */
  @Transactional
  Optional<Batch> change(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("历史保留期限须为 1 至 " + MAX_DAYS + " 天之间的整数，收到：" + days);
    }
    if (jdbc.update("update duban_setting set value_ = ? where name_ = ?", String.valueOf(days), SETTING) == 0) {
      jdbc.update("insert into duban_setting (name_, value_) values (?, ?)", SETTING, String.valueOf(days));
    }
    applyToDefinitions(days);
    if (historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(PROCESS_KEYS.toArray(String[]::new))
        .finished().count() == 0) {
      return Optional.empty();
    }
    return Optional.of(historyService.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime()
        .byQuery(historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKeyIn(PROCESS_KEYS.toArray(String[]::new)).finished())
        .hierarchical().executeAsync());
  }

  private int applyToDefinitions(int days) {
    int changed = 0;
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKeyIn(PROCESS_KEYS.toArray(String[]::new)).list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    return changed;
  }

  private Optional<Integer> stored() {
    return jdbc.queryForList("select value_ from duban_setting where name_ = ?", String.class, SETTING).stream()
        .findFirst().map(Integer::valueOf);
  }
}
