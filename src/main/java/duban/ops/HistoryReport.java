package duban.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The engine's history rows a plan holds, per table: the instances whose business key starts with its code. */
@Component
class HistoryReport {

  /** Every history table the engine fills for duban's processes; each carries the root instance's id. */
  static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT",
      "ACT_HI_INCIDENT", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_EXT_TASK_LOG");

  record Report(String plan, long instances, long ended, Map<String, Long> rows, long total) {}

  private final JdbcTemplate jdbc;

  HistoryReport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Report of(String planCode) {
    String roots = "select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ like ? and ID_ = ROOT_PROC_INST_ID_";
    String pattern = planCode.replace("_", "\\_").replace("%", "\\%") + "-%";
    long instances = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ like ?",
        Long.class, pattern);
    long ended = jdbc.queryForObject(
        "select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ like ? and END_TIME_ is not null", Long.class,
        pattern);
    Map<String, Long> rows = new LinkedHashMap<>();
    long total = 0;
    for (String table : TABLES) {
      long n = jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ in (" + roots + ")",
          Long.class, pattern);
      rows.put(table, n);
      total += n;
    }
    return new Report(planCode, instances, ended, rows, total);
  }
}
