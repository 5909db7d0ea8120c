package duban.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Evidence in duban's own tables, so a database backup holds the files: one row of metadata per file and its
 * content in chunks of {@link #CHUNK} bytes ({@code bytea} on PostgreSQL, binary varying on H2). Chunks keep memory
 * flat on upload and download whatever the file's size. Callers run {@link #insert} in a transaction, so an upload
 * that fails half-way leaves no chunk behind.
 */
class EvidenceStore {

  static final int CHUNK = 512 * 1024;

  private static final String COLUMNS = "id, process_instance_id, business_key, task_id, task_key, task_name, round_no, "
      + "unit_code, uploaded_by, uploaded_at, name, kind, size_bytes, sha256";

  private static final RowMapper<Evidence> ROW = EvidenceStore::row;

  private final JdbcTemplate jdbc;

  EvidenceStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Evidence e, InputStream content) throws IOException {
    jdbc.update("insert into duban_evidence (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(), e.processInstanceId(), e.businessKey(), e.taskId(), e.taskKey(), e.taskName(), e.round(), e.unit(),
        e.uploadedBy(), Timestamp.valueOf(e.uploadedAt()), e.name(), e.kind().name(), e.size(), e.sha256());
    int seq = 0;
    for (byte[] chunk; (chunk = content.readNBytes(CHUNK)).length > 0; ) {
      jdbc.update("insert into duban_evidence_chunk (evidence_id, seq, data) values (?, ?, ?)", e.id(), seq++, chunk);
    }
  }

  Optional<Evidence> find(String id) {
    return jdbc.query("select " + COLUMNS + " from duban_evidence where id = ?", ROW, id).stream().findFirst();
  }

  List<Evidence> ofProcess(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from duban_evidence where process_instance_id = ? "
        + "order by round_no, uploaded_at, id", ROW, processInstanceId);
  }

  /** Files and bytes already held for a task's process. */
  long[] totals(String processInstanceId) {
    return jdbc.queryForObject("select count(*), coalesce(sum(size_bytes), 0) from duban_evidence "
        + "where process_instance_id = ?", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, processInstanceId);
  }

  /** Counts per process instance, for ledgers and overviews. */
  long count(String processInstanceId) {
    return totals(processInstanceId)[0];
  }

  void rename(String id, String name) {
    jdbc.update("update duban_evidence set name = ? where id = ?", name, id);
  }

  void delete(String id) {
    jdbc.update("delete from duban_evidence_chunk where evidence_id = ?", id);
    jdbc.update("delete from duban_evidence where id = ?", id);
  }

  /** Copies a file's content to {@code out}, one chunk in memory at a time. */
  void copyContent(String id, OutputStream out) {
    jdbc.query("select data from duban_evidence_chunk where evidence_id = ? order by seq", rs -> {
      try {
        out.write(rs.getBytes(1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, id);
  }

  private static Evidence row(ResultSet rs, int i) throws SQLException {
    return new Evidence(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("business_key"),
        rs.getString("task_id"), rs.getString("task_key"), rs.getString("task_name"), rs.getInt("round_no"),
        rs.getString("unit_code"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toLocalDateTime(),
        rs.getString("name"), FileKind.valueOf(rs.getString("kind")), rs.getLong("size_bytes"), rs.getString("sha256"));
  }
}
