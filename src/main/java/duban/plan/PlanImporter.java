package duban.plan;

import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionStart;
import duban.supervision.Target;
import duban.supervision.Today;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a task-division table: parses it whole, stores it, and starts one supervision process per task. All or
 * nothing: a table with any problem starts nothing, and a failure midway rolls every start back.
 */
@Service
public class PlanImporter {

  private static final Logger log = LoggerFactory.getLogger(PlanImporter.class);
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{2,40}");
  private static final String PREVIEW_CODE = "PREVIEW";

  private final PlanCatalog catalog;
  private final PlanRepository repository;
  private final SupervisionStart supervisionStart;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final PlanFiles files;

  PlanImporter(PlanCatalog catalog, PlanRepository repository, SupervisionStart supervisionStart,
      RuntimeService runtimeService, HistoryService historyService, PlanFiles files) {
    this.files = files;
    this.catalog = catalog;
    this.repository = repository;
    this.supervisionStart = supervisionStart;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /** Reads a file as the import would, and changes nothing. */
  Reading preview(byte[] file, ImportOptions options) {
    return catalog.read(PREVIEW_CODE, files.read(file, options.sheet()).table(), options);
  }

  /** Imports a table in the text layout (the seed). */
  @Transactional
  public ImportResult importPlan(String code, String text) {
    return importTable(code, RawTable.read(text), ImportOptions.NONE, System.nanoTime(), Map.of(), null);
  }

  /** Imports a .docx, .xlsx or text file. */
  @Transactional
  public ImportResult importFile(String code, byte[] file, ImportOptions options) {
    return importFile(code, file, options, Map.of(), null);
  }

  /**
   * @param targets the office's corrections of tasks' extracted targets, by task number (recorded as by {@code by})
   */
  @Transactional
  public ImportResult importFile(String code, byte[] file, ImportOptions options, Map<Integer, List<Target>> targets,
      String by) {
    long started = System.nanoTime();
    checkCode(code);
    return importTable(code, files.read(file, options.sheet()).table(), options, started, targets, by);
  }

  private static void checkCode(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("计划编号须为 2 到 40 位字母或数字，实为：" + code);
    }
  }

  private ImportResult importTable(String code, RawTable table, ImportOptions options, long started,
      Map<Integer, List<Target>> targets, String by) {
    checkCode(code);
    Reading reading = catalog.read(code, table, options);
    if (!reading.importable()) {
      throw new PlanRejectedException(reading);
    }
    Plan plan = reading.plan();
    for (Integer number : targets.keySet()) {
      if (plan.tasks().stream().noneMatch(t -> t.number() == number)) {
        throw new IllegalArgumentException("targets 参数中的第 " + number + " 项任务不在表中");
      }
    }
    // Stored is the plan written back in the text layout: one form to parse again, whatever the upload was.
    String text = CanonicalText.of(plan, reading.year());
    var stored = repository.find(code);
    if (stored.isPresent() && !catalog.parse(code, stored.get().sourceText()).equals(plan)) {
      throw new PlanConflictException(code);
    }
    LocalDateTime now = Today.now();
    if (stored.isEmpty()) {
      repository.save(code, plan.title(), text, now);
    }
    Set<String> existing = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SupervisionProcess.KEY)
        .processInstanceBusinessKeyLike(code + "-%")
        .list().stream().map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toSet());
    LocalDate today = now.toLocalDate();
    int startedCount = 0;
    for (PlanTask task : plan.tasks()) {
      String businessKey = SupervisionProcess.businessKey(code, task.number());
      if (existing.contains(businessKey)) {
        continue;
      }
      runtimeService.startProcessInstanceByKey(
          SupervisionProcess.KEY, businessKey, supervisionStart.variables(code, task.assignment(), today, targets.get(task.number()), by));
      startedCount++;
    }
    ImportResult result = new ImportResult(code, plan.title(), plan.tasks().size(), startedCount,
        plan.tasks().size() - startedCount, (System.nanoTime() - started) / 1_000_000);
    log.info("Imported {}", result);
    return result;
  }
}
