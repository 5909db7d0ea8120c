package duban.evidence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** For the ledger and the task timeline (overview): how many files each task holds, without their content. */
@Component
public class EvidenceLedger {

  /** A file as a timeline shows it. */
  public record Entry(String processInstanceId, int round, String unit, String name, long size, String uploadedBy,
      java.time.LocalDateTime uploadedAt) {}

  private final NamedParameterJdbcTemplate jdbc;

  EvidenceLedger(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Files per process instance; instances without evidence are absent. */
  public Map<String, Integer> counts(Collection<String> processInstanceIds) {
    Map<String, Integer> counts = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return counts;
    }
    jdbc.query("select process_instance_id, count(*) from duban_evidence where process_instance_id in (:ids) "
        + "group by process_instance_id", Map.of("ids", processInstanceIds),
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        });
    return counts;
  }

  /** Every file of a task, oldest first. Callers decide who may see them (the offices, for the timeline). */
  public List<Entry> entries(String processInstanceId) {
    return jdbc.query("select process_instance_id, round_no, unit_code, name, size_bytes, uploaded_by, uploaded_at "
            + "from duban_evidence where process_instance_id = :id order by uploaded_at, id", Map.of("id", processInstanceId),
        (rs, i) -> new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5),
            rs.getString(6), rs.getTimestamp(7).toLocalDateTime()));
  }
}
