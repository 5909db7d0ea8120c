package duban.overview;

import duban.supervision.TaskSnapshot;
import duban.supervision.TaskStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code duban_overview_task} and {@code duban_overview_event} (see schema.sql). Writes join the engine's
 * transaction: the same data source and Spring transaction manager.
 */
@Repository
class ReadModel {

  private static final String COLUMNS = "plan_code, task_number, member_unit, process_instance_id, title, lead_units, "
      + "supporting_units, deadline_text, long_term, deadline, due_date, work_stage, awaiting_review, report_returned, "
      + "reported_late, report_status, report_summary, achieved_figures, reported_at, review_rounds, returned_units, extension_count, "
      + "tolerance_open, tolerance_determination, outcome, closed_at, reminders_sent";

  private final JdbcTemplate jdbc;

  ReadModel(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the task's state; a null stage keeps the stored one. */
  void save(String member, String processInstanceId, TaskSnapshot t, TaskStage stage) {
    int updated = jdbc.update("update duban_overview_task set process_instance_id = ?, title = ?, lead_units = ?, "
            + "supporting_units = ?, deadline_text = ?, long_term = ?, deadline = ?, due_date = ?, "
            + "work_stage = coalesce(?, work_stage), awaiting_review = ?, report_returned = ?, reported_late = ?, "
            + "report_status = ?, report_summary = ?, achieved_figures = ?, reported_at = ?, review_rounds = ?, returned_units = ?, "
            + "extension_count = ?, tolerance_open = ?, tolerance_determination = ?, outcome = ?, closed_at = ? "
            + "where plan_code = ? and task_number = ? and member_unit = ?",
        processInstanceId, t.title(), join(t.leadUnits()), join(t.supportingUnits()), t.deadlineText(), t.longTerm(),
        t.deadline(), t.dueDate(), stage == null ? null : stage.name(), t.awaitingReview(), t.reportReturned(),
        t.reportedLate(), t.reportStatus(), t.reportSummary(), t.achievedFigures(), timestamp(t.reportedAt()),
        t.reviewRounds(), join(t.returnedUnits()), t.extensionCount(), t.toleranceOpen(), t.toleranceDetermination(),
        t.outcome(), timestamp(t.closedAt()), t.planCode(), t.number(), member);
    if (updated == 0) {
      insert(member, processInstanceId, t, stage, 0);
    }
  }

  void insert(String member, String processInstanceId, TaskSnapshot t, TaskStage stage, int remindersSent) {
    jdbc.update("insert into duban_overview_task (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.planCode(), t.number(), member, processInstanceId, t.title(), join(t.leadUnits()), join(t.supportingUnits()),
        t.deadlineText(), t.longTerm(), t.deadline(), t.dueDate(), stage == null ? null : stage.name(),
        t.awaitingReview(), t.reportReturned(), t.reportedLate(), t.reportStatus(), t.reportSummary(),
        t.achievedFigures(), timestamp(t.reportedAt()), t.reviewRounds(), join(t.returnedUnits()), t.extensionCount(),
        t.toleranceOpen(),
        t.toleranceDetermination(), t.outcome(), timestamp(t.closedAt()), remindersSent);
  }

  void reminderSent(String planCode, int number) {
    jdbc.update("update duban_overview_task set reminders_sent = reminders_sent + 1 "
        + "where plan_code = ? and task_number = ?", planCode, number);
  }

  void addEvent(TimelineEntry e) {
    jdbc.update("insert into duban_overview_event (plan_code, task_number, process_instance_id, occurred_at, kind, "
            + "actor, unit, what) values (?, ?, ?, ?, ?, ?, ?, ?)", e.planCode(), e.number(), e.processInstanceId(),
        Timestamp.valueOf(e.at()), e.kind(), e.actor(), e.unit(), e.what());
  }

  List<StoredTask> tasks(String planCode) {
    return jdbc.query("select " + COLUMNS + " from duban_overview_task where plan_code = ? "
        + "order by task_number, member_unit", ReadModel::task, planCode);
  }

  List<TimelineEntry> events(String planCode, int number) {
    return jdbc.query("select plan_code, task_number, process_instance_id, occurred_at, kind, actor, unit, what "
            + "from duban_overview_event where plan_code = ? and task_number = ? order by occurred_at, id",
        (rs, i) -> new TimelineEntry(rs.getString(1), rs.getInt(2), rs.getString(3),
            rs.getTimestamp(4).toLocalDateTime(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
        planCode, number);
  }

  /** The 佐证材料 each task of a plan holds, from its timeline (added less removed), by task number. */
  Map<Integer, Integer> evidenceFiles(String planCode) {
    Map<Integer, Integer> files = new java.util.HashMap<>();
    jdbc.query("select task_number, sum(case kind when 'EVIDENCE_ADDED' then 1 else -1 end) from duban_overview_event "
        + "where plan_code = ? and kind in ('EVIDENCE_ADDED', 'EVIDENCE_REMOVED') group by task_number",
        (java.sql.ResultSet rs) -> {
          files.put(rs.getInt(1), rs.getInt(2));
        }, planCode);
    return files;
  }

  int remindersRecorded(String planCode, int number) {
    Integer count = jdbc.queryForObject("select count(*) from duban_overview_event "
        + "where plan_code = ? and task_number = ? and kind = 'REMINDER'", Integer.class, planCode, number);
    return count == null ? 0 : count;
  }

  void deleteTasks(String planCode) {
    jdbc.update("delete from duban_overview_task where plan_code = ?", planCode);
  }

  int count(String planCode) {
    Integer count = jdbc.queryForObject("select count(*) from duban_overview_task where plan_code = ?", Integer.class,
        planCode);
    return count == null ? 0 : count;
  }

  private static StoredTask task(ResultSet rs, int row) throws SQLException {
    return new StoredTask(rs.getString("plan_code"), rs.getInt("task_number"), rs.getString("member_unit"),
        rs.getString("process_instance_id"), rs.getString("title"), split(rs.getString("lead_units")),
        split(rs.getString("supporting_units")), rs.getString("deadline_text"), rs.getBoolean("long_term"),
        date(rs, "deadline"), date(rs, "due_date"),
        rs.getString("work_stage") == null ? null : TaskStage.valueOf(rs.getString("work_stage")),
        rs.getBoolean("awaiting_review"), rs.getBoolean("report_returned"), rs.getBoolean("reported_late"),
        rs.getString("report_status"), rs.getString("report_summary"), rs.getString("achieved_figures"),
        time(rs, "reported_at"), rs.getInt("review_rounds"), split(rs.getString("returned_units")),
        rs.getInt("extension_count"),
        rs.getBoolean("tolerance_open"), rs.getString("tolerance_determination"), rs.getString("outcome"),
        time(rs, "closed_at"), rs.getInt("reminders_sent"));
  }

  private static String join(List<String> codes) {
    return String.join(",", codes);
  }

  private static List<String> split(String codes) {
    return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
  }

  private static Timestamp timestamp(String isoLocalDateTime) {
    return isoLocalDateTime == null ? null : Timestamp.valueOf(LocalDateTime.parse(isoLocalDateTime));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp time = rs.getTimestamp(column);
    return time == null ? null : time.toLocalDateTime();
  }
}
