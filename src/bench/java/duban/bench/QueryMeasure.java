package duban.bench;

import duban.unit.Role;
import duban.plan.PlanImporter;
import duban.supervision.SupervisionProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Issue 9 point 3. Loads L plans, then runs each stored Tasklist filter the way Tasklist does for a user it serves:
 * a page of 15 sorted by creation time with the filter's three list variables, and the filter's count. Each with
 * authorization on (as deployed) and, as the baseline, the very same calls with authorization checks switched off.
 */
final class QueryMeasure {

  /** The filter's list columns (TasklistFilters' "variables" property), fetched for each page as Tasklist's HAL does. */
  private static final String[] LIST_VARIABLES = {"taskNumber", "deadlineText", "leadUnitNames"};
  private static final int PAGE = 15;
  /** The same filter for the unit in the middle by open tasks: the busiest holds a tenth of all (README, Performance). */
  private static final String MEDIAN_UNIT = "本单位待办（中位单位）";

  private final App app;
  private final FilterService filters;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Users users;

  QueryMeasure(App app) {
    this.app = app;
    this.filters = app.engine.getFilterService();
    this.tasks = app.engine.getTaskService();
    this.runtime = app.engine.getRuntimeService();
    this.users = new Users(app.engine.getIdentityService(), app.engine.getAuthorizationService());
  }

  /** Loads up to each checkpoint in turn and measures there, so a long run that is stopped keeps its last sizes. */
  void run(int plans, int threads, int iterations, java.util.function.Consumer<Map<String, Object>> atCheckpoint) {
    List<Integer> checkpoints = new ArrayList<>();
    for (int size : new int[] {50, 200, 500, 1000, 1500, 2000}) {
      if (size < plans) {
        checkpoints.add(size);
      }
    }
    checkpoints.add(plans);
    int loaded = 0;
    double seconds = 0;
    for (int size : checkpoints) {
      seconds += Loader.load(app.bean(PlanImporter.class), "Q", loaded + 1, size, threads);
      loaded = size;
      atCheckpoint.accept(measureAt(loaded, seconds, iterations));
    }
  }

  /** The filters alone, on whatever is loaded (QueryProbe). */
  Map<String, Object> measureOnly(int iterations) {
    Map<String, Object> m = new LinkedHashMap<>();
    String unit = unitAtRank(1);
    m.put("openTasks", tasks.createTaskQuery().count());
    m.put("本单位待办", measure("本单位待办", unit, iterations));
    m.put(MEDIAN_UNIT, measure("本单位待办", unitAtRank(0.5), iterations));
    for (String name : List.of("待审核", "即将到期", "已逾期")) {
      m.put(name, measure(name, users.memberOf(Role.SUPERVISION.groupId()), iterations));
    }
    return m;
  }

  private Map<String, Object> measureAt(int plans, double seconds, int iterations) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plans", plans);
    m.put("instances", runtime.createProcessInstanceQuery().count());
    m.put("openTasks", tasks.createTaskQuery().count());
    m.put("loadSeconds", Stats.round(seconds));
    m.put("loadInstancesPerSecond", Stats.round(plans * Seed.TASKS / seconds));
    Progress.log("  loaded %d plans in %.0f s; analysing tables", plans, seconds);
    analyze();
    m.put("rowsPerInstance", rowsPerInstance((long) m.get("instances")));
    boolean postgres = "PostgreSQL".equals(app.jdbc().execute((java.sql.Connection c) -> c.getMetaData()
        .getDatabaseProductName()));
    m.put("dubanIndexes", app.jdbc().queryForList(postgres
        ? "select indexname from pg_indexes where indexname like 'duban_idx%'"
        : "select index_name from information_schema.indexes where lower(index_name) like 'duban_idx%'", String.class));

    String unit = unitAtRank(1);
    m.put("unitUser", unit);
    m.put("unitOpenTasks", tasks.createTaskQuery().taskCandidateGroup(unit).includeAssignedTasks().count());
    Map<String, Object> byFilter = new LinkedHashMap<>();
    byFilter.put("本单位待办", measure("本单位待办", unit, iterations));
    byFilter.put(MEDIAN_UNIT, measure("本单位待办", unitAtRank(0.5), iterations));
    for (String name : List.of("待审核", "即将到期", "已逾期")) {
      byFilter.put(name, measure(name, users.memberOf(Role.SUPERVISION.groupId()), iterations));
    }
    m.put("filters", byFilter);
    return m;
  }

  private Map<String, Object> measure(String filterName, String user, int iterations) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", user);
    users.as(user, () -> {
      m.put("count", filters.count(filter.getId()));
      Stats[] page = time(iterations, () -> page(filter.getId()));
      Stats[] count = time(iterations, () -> filters.count(filter.getId()));
      m.put("pageWithAuth", page[0].summary());
      m.put("pageBaseline", page[1].summary());
      m.put("countWithAuth", count[0].summary());
      m.put("countBaseline", count[1].summary());
    });
    m.put("pageRatio", ratio(m, "page"));
    m.put("countRatio", ratio(m, "count"));
    Progress.log("  %s as %s: count %s, page p95 %s ms (baseline %s), count p95 %s ms (baseline %s)", filterName, user,
        m.get("count"), p95(m, "pageWithAuth"), p95(m, "pageBaseline"), p95(m, "countWithAuth"), p95(m, "countBaseline"));
    return m;
  }

  /** Tasklist's page: the filter extended with its default sorting, then the list columns' variables. */
  private Object page(String filterId) {
    TaskQuery sorted = tasks.createTaskQuery().orderByTaskCreateTime().desc();
    List<Task> page = filters.listPage(filterId, sorted, 0, PAGE);
    if (page.isEmpty()) {
      return page;
    }
    List<String> scopes = new ArrayList<>();
    for (Task t : page) {
      scopes.add(t.getId());
      scopes.add(t.getProcessInstanceId());
    }
    return runtime.createVariableInstanceQuery().variableScopeIdIn(scopes.toArray(String[]::new))
        .variableNameIn(LIST_VARIABLES).disableBinaryFetching().list();
  }

  /** Times the call with authorization checks on and off, alternating, so drift on the shared machine hits both. */
  private Stats[] time(int iterations, Supplier<Object> call) {
    Stats[] stats = {new Stats(), new Stats()};
    int warmUp = Math.max(3, iterations / 10);
    for (int i = 0; i < warmUp + iterations; i++) {
      for (int side = 0; side < 2; side++) {
        boolean checks = side == 0;
        long t = System.nanoTime();
        if (checks) {
          call.get();
        } else {
          withoutAuthorization(call::get);
        }
        if (i >= warmUp) {
          stats[side].add(System.nanoTime() - t);
        }
      }
    }
    return stats;
  }

  /** What one running instance leaves in the engine's biggest tables: where loading time and index size go. */
  private Map<String, Object> rowsPerInstance(long instances) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK",
        "ACT_RU_AUTHORIZATION", "ACT_RU_JOB", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_ACTINST",
        "ACT_HI_IDENTITYLINK", "ACT_HI_TASKINST", "DUBAN_NOTICE")) {
      long rows = app.jdbc().queryForObject("select count(*) from " + table, Long.class);
      m.put(table.toLowerCase(), Stats.round((double) rows / instances));
    }
    return m;
  }

  private void withoutAuthorization(Supplier<Object> work) {
    ProcessEngineConfigurationImpl config = app.configuration();
    config.setAuthorizationEnabled(false);
    try {
      work.get();
    } finally {
      config.setAuthorizationEnabled(true);
    }
  }

  /** The unit at this rank (0 = fewest, 1 = most) among the units with open candidate tasks. */
  private String unitAtRank(double rank) {
    List<String> units = app.jdbc().queryForList("select GROUP_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate'"
        + " and TASK_ID_ is not null and GROUP_ID_ not in ('supervision', 'jointoffice', 'tolerance')"
        + " group by GROUP_ID_ order by count(*), GROUP_ID_", String.class);
    return units.get((int) Math.min(units.size() - 1, Math.floor(rank * units.size())));
  }

  /** Fresh planner statistics, as autovacuum would have gathered by the time a real deployment grew this big. */
  private void analyze() {
    app.jdbc().execute("analyze"); // the same statement in H2 and PostgreSQL
  }

  @SuppressWarnings("unchecked")
  private static Object p95(Map<String, Object> m, String key) {
    return ((Map<String, Object>) m.get(key)).get("p95Ms");
  }

  @SuppressWarnings("unchecked")
  private static double ratio(Map<String, Object> m, String kind) {
    double auth = (double) ((Map<String, Object>) m.get(kind + "WithAuth")).get("p95Ms");
    double base = (double) ((Map<String, Object>) m.get(kind + "Baseline")).get("p95Ms");
    return Stats.round(auth / base); // how many times the baseline's p95
  }
}
