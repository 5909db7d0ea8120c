package duban.target;

import duban.supervision.Assignment;
import duban.supervision.Target;
import duban.supervision.TargetProgress;
import duban.supervision.TaskTargets;
import duban.supervision.Today;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The targets of each task, their corrections and the values reported against them, in duban_target*. */
@Repository
class TargetBook implements TaskTargets {

  /** A stored target: its id (what reported values refer to) and its slot in the report form. */
  record Stored(String id, int slot, Target target) {}

  /** One value a report gave. */
  record Reported(String targetId, String period, int periodYear, BigDecimal achieved, java.time.LocalDateTime at,
      String by) {}

  private final JdbcTemplate jdbc;

  TargetBook(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Target> settle(String planCode, Assignment task, List<Target> corrected, LocalDate since, String by) {
    if (isSettled(planCode, task.number())) {
      return targets(planCode, task.number());
    }
    List<Target> targets = corrected != null ? corrected : TargetExtractor.extract(task.measure());
    jdbc.update("insert into duban_target_task (plan_code, task_number, since, deadline) values (?, ?, ?, ?)",
        planCode, task.number(), Date.valueOf(since), task.deadline() == null ? null : Date.valueOf(task.deadline()));
    write(planCode, task.number(), targets);
    if (corrected != null) {
      change(planCode, task.number(), by == null ? "系统" : by, "import",
          TargetExtractor.extract(task.measure()), corrected);
    }
    return targets;
  }

  @Override
  public List<Target> of(String planCode, int taskNumber, String measure) {
    return isSettled(planCode, taskNumber) ? targets(planCode, taskNumber) : TargetExtractor.extract(measure);
  }

  @Override
  public Map<Integer, List<Target>> parseCorrections(String json) {
    return TargetInput.corrections(json);
  }

  boolean isSettled(String planCode, int number) {
    Integer n = jdbc.queryForObject("select count(*) from duban_target_task where plan_code = ? and task_number = ?",
        Integer.class, planCode, number);
    return n != null && n > 0;
  }

  List<Target> targets(String planCode, int number) {
    return stored(planCode, number).stream().map(Stored::target).toList();
  }

  List<Stored> stored(String planCode, int number) {
    return jdbc.query("select * from duban_target where plan_code = ? and task_number = ? order by slot",
        (rs, i) -> new Stored(rs.getString("id"), rs.getInt("slot"), target(rs)), planCode, number);
  }

  /** Replaces a task's targets, keeping the ids of those still in place so their reported values stay theirs. */
  void replace(String planCode, int number, List<Stored> keep, List<Target> targets) {
    jdbc.update("delete from duban_target where plan_code = ? and task_number = ?", planCode, number);
    for (int i = 0; i < targets.size(); i++) {
      String id = i < keep.size() && keep.get(i) != null ? keep.get(i).id() : UUID.randomUUID().toString();
      insert(id, planCode, number, i + 1, targets.get(i));
    }
  }

  private void write(String planCode, int number, List<Target> targets) {
    for (int i = 0; i < targets.size(); i++) {
      insert(UUID.randomUUID().toString(), planCode, number, i + 1, targets.get(i));
    }
  }

  private void insert(String id, String planCode, int number, int slot, Target t) {
    jdbc.update("insert into duban_target (id, plan_code, task_number, slot, text, target_value, upper_value, unit, "
            + "comparator, per_year, due_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, planCode, number, slot, t.text(), t.value(), t.upper(), t.unit(), t.comparator(), t.perYear(),
        t.dueBy() == null ? null : Date.valueOf(t.dueBy()));
  }

  void change(String planCode, int number, String by, String action, Object before, Object after) {
    jdbc.update("insert into duban_target_change (id, plan_code, task_number, changed_at, changed_by, action, "
            + "before_text, after_text) values (?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), planCode, number, Timestamp.valueOf(Today.now()), by, action,
        describe(before), describe(after));
  }

  private static String describe(Object targets) {
    if (targets == null) {
      return null;
    }
    List<?> list = targets instanceof List<?> l ? l : List.of(targets);
    StringBuilder out = new StringBuilder();
    for (Object o : list) {
      Target t = (Target) o;
      out.append(out.length() == 0 ? "" : "；").append(t.text()).append("〔").append(t.label()).append("〕");
    }
    String text = out.length() == 0 ? "（无）" : out.toString();
    return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
  }

  record Change(java.time.LocalDateTime at, String by, String action, String before, String after) {}

  List<Change> changes(String planCode, int number) {
    return jdbc.query("select * from duban_target_change where plan_code = ? and task_number = ? order by seq",
        (rs, i) -> new Change(rs.getTimestamp("changed_at").toLocalDateTime(), rs.getString("changed_by"),
            rs.getString("action"), rs.getString("before_text"), rs.getString("after_text")), planCode, number);
  }

  @Override
  public void reported(String planCode, int taskNumber, String processInstanceId, String period, int periodYear,
      List<BigDecimal> values, String by) {
    List<Stored> stored = stored(planCode, taskNumber);
    for (int i = 0; i < Math.min(stored.size(), values.size()); i++) {
      if (values.get(i) == null) {
        continue;
      }
      jdbc.update("insert into duban_target_value (id, target_id, plan_code, task_number, process_instance_id, period, "
              + "period_year, achieved, reported_at, reported_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), stored.get(i).id(), planCode, taskNumber, processInstanceId, period, periodYear,
          values.get(i), Timestamp.valueOf(Today.now()), by);
    }
  }

  List<Reported> history(String planCode, int taskNumber) {
    return jdbc.query("select * from duban_target_value where plan_code = ? and task_number = ? order by seq",
        (rs, i) -> new Reported(rs.getString("target_id"), rs.getString("period"), rs.getInt("period_year"),
            rs.getBigDecimal("achieved"), rs.getTimestamp("reported_at").toLocalDateTime(), rs.getString("reported_by")),
        planCode, taskNumber);
  }

  @Override
  public List<TargetProgress> progress(String planCode, int taskNumber, LocalDate today) {
    return progress(planCode, today, taskNumber).getOrDefault(taskNumber, List.of());
  }

  @Override
  public Map<Integer, List<TargetProgress>> progress(String planCode, LocalDate today) {
    return progress(planCode, today, null);
  }

  private Map<Integer, List<TargetProgress>> progress(String planCode, LocalDate today, Integer only) {
    String task = only == null ? "" : " and task_number = " + only.intValue();
    Map<Integer, LocalDate[]> spans = new HashMap<>();
    jdbc.query("select task_number, since, deadline from duban_target_task where plan_code = ?" + task, rs -> {
      spans.put(rs.getInt(1), new LocalDate[] {rs.getDate(2).toLocalDate(),
          rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()});
    }, planCode);
    // the latest value of each target and period: a report returned and sent again replaces its period's value
    Map<String, Map<String, Reported>> latest = new HashMap<>();
    jdbc.query("select * from duban_target_value where plan_code = ?" + task + " order by seq", rs -> {
      Reported r = new Reported(rs.getString("target_id"), rs.getString("period"), rs.getInt("period_year"),
          rs.getBigDecimal("achieved"), rs.getTimestamp("reported_at").toLocalDateTime(), rs.getString("reported_by"));
      latest.computeIfAbsent(r.targetId(), k -> new LinkedHashMap<>()).put(r.period(), r);
    }, planCode);
    Map<Integer, List<TargetProgress>> progress = new LinkedHashMap<>();
    jdbc.query("select * from duban_target where plan_code = ?" + task + " order by task_number, slot", rs -> {
      int number = rs.getInt("task_number");
      LocalDate[] span = spans.getOrDefault(number, new LocalDate[] {today, null});
      Target target = target(rs);
      Map<String, Reported> byPeriod = latest.getOrDefault(rs.getString("id"), Map.of());
      progress.computeIfAbsent(number, k -> new ArrayList<>())
          .add(progressOf(rs.getInt("slot"), target, byPeriod.values(), span[0], span[1], today));
    }, planCode);
    return progress;
  }

  /**
   * A per-year target sums this year's periods and keeps pace from 1 January (or the task's start) to the year's end
   * (or an earlier due date); a cumulative one takes its latest value and keeps pace from the task's start to its
   * due date.
   */
  static TargetProgress progressOf(int slot, Target target, java.util.Collection<Reported> values, LocalDate since,
      LocalDate deadline, LocalDate today) {
    LocalDate due = target.dueBy() != null ? target.dueBy() : deadline;
    if (target.perYear()) {
      BigDecimal sum = null;
      for (Reported r : values) {
        if (r.periodYear() == today.getYear()) {
          sum = sum == null ? r.achieved() : sum.add(r.achieved());
        }
      }
      LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
      LocalDate yearEnd = LocalDate.of(today.getYear(), 12, 31);
      LocalDate from = since.isAfter(yearStart) ? since : yearStart;
      LocalDate to = due != null && due.isBefore(yearEnd) ? due : yearEnd;
      return new TargetProgress(slot, target, sum, from, to);
    }
    Reported last = null;
    for (Reported r : values) {
      if (last == null || !r.at().isBefore(last.at())) {
        last = r;
      }
    }
    return new TargetProgress(slot, target, last == null ? null : last.achieved(), since, due);
  }

  private static Target target(ResultSet rs) throws SQLException {
    Date due = rs.getDate("due_by");
    BigDecimal upper = rs.getBigDecimal("upper_value");
    return new Target(rs.getString("text"), Target.normal(rs.getBigDecimal("target_value")),
        upper == null ? null : Target.normal(upper),
        rs.getString("unit"), rs.getString("comparator"), rs.getBoolean("per_year"), due == null ? null : due.toLocalDate());
  }
}
