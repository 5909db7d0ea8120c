package duban.bench;

import duban.form.FormFiller;
import duban.plan.PlanImporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Issue 9 points 1 and 2, issue 13 point 10. Each round imports one plan (67 instances) and works every task to
 * sign-off as the users of the offered groups would, over HTTP with Tasklist's calls ({@link TasklistClient}), through
 * the forms and the engine's checks; then the baseline starts 67 bare instances with exactly as many user tasks each
 * and the same client completes them with the very same variables. Rounds alternate so that
 * noise from the shared machine falls on both sides alike. Round 0 warms both up and is not counted.
 */
final class LifecycleMeasure {

  private final App app;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final PlanImporter importer;
  private final TasklistClient tasklist;
  private final FormFiller filler;
  private final Users users;
  private final BareProcesses bare;
  private final RowCounts rows;
  private int conflicts;
  private long decidingNanos;

  LifecycleMeasure(App app) {
    this.app = app;
    this.tasks = app.engine.getTaskService();
    this.runtime = app.engine.getRuntimeService();
    this.importer = app.bean(PlanImporter.class);
    this.tasklist = new TasklistClient(Integer.parseInt(app.context.getEnvironment().getProperty("local.server.port")));
    this.filler = new FormFiller(app.bean(FormService.class), tasks);
    this.users = new Users(app.engine.getIdentityService(), app.engine.getAuthorizationService());
    this.bare = new BareProcesses(app.engine.getRepositoryService());
    this.rows = new RowCounts(app.bean(DataSource.class));
    users.createBareUser();
  }

  Map<String, Object> run(int plans) {
    long dubanNanos = 0;
    long bareNanos = 0;
    long completions = 0;
    List<Double> importMs = new ArrayList<>();
    List<Double> bareStartMs = new ArrayList<>();
    for (int round = 0; round <= plans; round++) {
      String code = "LC" + round;
      Map<String, Long> rows0 = rows.snapshot();
      long t0 = System.nanoTime();
      Seed.check(importer.importPlan(code, Seed.TEXT));
      long t1 = System.nanoTime();
      decidingNanos = 0;
      Map<String, List<Map<String, Object>>> submitted = driveDuban(code);
      long t2 = System.nanoTime();
      Map<String, Long> rows1 = rows.snapshot(); // outside the timed spans
      long t2b = System.nanoTime();
      Map<String, List<Map<String, Object>>> byBareInstance = startBare(code, submitted);
      long t3 = System.nanoTime();
      driveBare(byBareInstance);
      long t4 = System.nanoTime();
      Map<String, Long> rows2 = rows.snapshot();
      t4 -= t2b - t2;
      if (round == 0) {
        importMs.add((t1 - t0) / 1e6); // the first import after start-up, cold
        continue;
      }
      rows.addDuban(rows0, rows1);
      rows.addBare(rows1, rows2);
      importMs.add((t1 - t0) / 1e6);
      bareStartMs.add((t3 - t2b) / 1e6);
      dubanNanos += t2 - t0 - decidingNanos;
      bareNanos += t4 - t2;
      completions += submitted.values().stream().mapToInt(List::size).sum();
      Progress.log("  lifecycle round %d/%d: duban %.1f s, baseline %.1f s", round, plans, (t2 - t0 - decidingNanos) / 1e9,
          (t4 - t2) / 1e9);
    }
    long instances = (long) plans * Seed.TASKS;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plans", plans);
    m.put("instances", instances);
    m.put("userTaskCompletions", completions);
    m.put("userTasksPerInstance", Stats.round((double) completions / instances));
    m.put("optimisticLockingRetries", conflicts);
    m.put("dubanSeconds", Stats.round(dubanNanos / 1e9));
    m.put("baselineSeconds", Stats.round(bareNanos / 1e9));
    m.put("dubanInstancesPerSecond", Stats.round(instances / (dubanNanos / 1e9)));
    m.put("baselineInstancesPerSecond", Stats.round(instances / (bareNanos / 1e9)));
    m.put("dubanCompletionsPerSecond", Stats.round(completions / (dubanNanos / 1e9)));
    m.put("baselineCompletionsPerSecond", Stats.round(completions / (bareNanos / 1e9)));
    m.put("ratio", Stats.round((double) bareNanos / dubanNanos));
    m.put("rowsPerInstanceDubanBaseline", rows.perInstance(instances));
    Map<String, Object> imports = new LinkedHashMap<>();
    imports.put("firstAfterStartupMs", Stats.round(importMs.get(0)));
    imports.put("medianMs", Stats.round(median(importMs.subList(1, importMs.size()))));
    imports.put("baselineStart67MedianMs", Stats.round(median(bareStartMs)));
    imports.put("ratio", Stats.round(median(bareStartMs) / median(importMs.subList(1, importMs.size()))));
    return Map.of("lifecycle", m, "import", imports);
  }

  /** Works every open task of the plan until none is left; returns what was submitted, per instance in order. */
  private Map<String, List<Map<String, Object>>> driveDuban(String code) {
    Map<String, List<Map<String, Object>>> submitted = new LinkedHashMap<>();
    // the plan's instances, found once: the rounds then ask for their tasks by instance id, as the baseline does
    String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(code + "-%").list()
        .stream().map(pi -> pi.getId()).toArray(String[]::new);
    for (int round = 0; round < 50; round++) {
      List<Task> open = tasks.createTaskQuery().processInstanceIdIn(instances).list();
      if (open.isEmpty()) {
        return submitted;
      }
      for (Task task : open) {
        String user = users.memberOf(candidateGroup(task));
        long decided = System.nanoTime();
        Map<String, Object> values = filler.fill(task.getId()); // the user's decisions, not timed
        decidingNanos += System.nanoTime() - decided;
        if (tasklist.work(user, "demo", task.getId(), true, values)) {
          submitted.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(values);
        } else {
          conflicts++; // 409 after the engine's retries: the user submits again
        }
      }
    }
    throw new IllegalStateException("plan " + code + " still has open tasks after 50 rounds");
  }

  /** One bare instance per duban instance, with as many user tasks as that instance had. */
  private Map<String, List<Map<String, Object>>> startBare(String code, Map<String, List<Map<String, Object>>> submitted) {
    Map<String, List<Map<String, Object>>> byInstance = new HashMap<>();
    int n = 0;
    for (List<Map<String, Object>> values : submitted.values()) {
      String key = bare.userTasks(values.size());
      String id = runtime.startProcessInstanceByKey(key, "B" + code + "-" + (++n)).getId();
      byInstance.put(id, new ArrayList<>(values));
    }
    return byInstance;
  }

  private void driveBare(Map<String, List<Map<String, Object>>> byInstance) {
    for (int round = 0; round < 50; round++) {
      List<Task> open = tasks.createTaskQuery().processInstanceIdIn(byInstance.keySet().toArray(String[]::new)).list();
      if (open.isEmpty()) {
        return;
      }
      for (Task task : open) {
        candidateGroup(task);
        if (!tasklist.work(BareProcesses.USER, Users.BARE_PASSWORD, task.getId(), false,
            byInstance.get(task.getProcessInstanceId()).get(0))) {
          throw new IllegalStateException("baseline task " + task.getId() + " refused");
        }
        byInstance.get(task.getProcessInstanceId()).remove(0);
      }
    }
    throw new IllegalStateException("baseline instances still open after 50 rounds");
  }

  private String candidateGroup(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).findFirst().orElseThrow();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }
}
