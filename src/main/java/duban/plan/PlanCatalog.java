package duban.plan;

import duban.unit.UnitDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Imported plans as typed plans, parsed once from their stored text. */
@Component
public class PlanCatalog {

  private final PlanRepository repository;
  private final TaskDivisionTableParser parser;
  private final Map<String, Plan> parsed = new ConcurrentHashMap<>();

  PlanCatalog(PlanRepository repository, UnitDirectory units) {
    this.repository = repository;
    this.parser = new TaskDivisionTableParser(units);
  }

  Plan parse(String code, String text) {
    return parser.parse(code, text);
  }

  Reading read(String code, RawTable table, ImportOptions options) {
    return parser.read(code, table, options);
  }

  /** Forgets the parsed form of a plan, e.g. after the import that stored it rolled back. */
  void evict(String code) {
    parsed.remove(code);
  }

  public Optional<Plan> find(String code) {
    Plan plan = parsed.get(code);
    if (plan != null) {
      return Optional.of(plan);
    }
    return repository.find(code).map(stored -> parsed.computeIfAbsent(code, c -> parse(c, stored.sourceText())));
  }

  public List<Plan> all() {
    return repository.all().stream().map(stored -> find(stored.code()).orElseThrow()).toList();
  }
}
