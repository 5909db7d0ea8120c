package duban.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Rows each side leaves in the history tables and in the grants, per instance: the write volume that the profile
 * shows dominating (the runtime rows it writes are deleted again, so history is the countable trace of them).
 */
final class RowCounts {

  private static final String[] TABLES = {"ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
      "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG", "ACT_HI_PROCINST", "ACT_RU_AUTHORIZATION"};

  private final DataSource dataSource;
  private final Map<String, Long> duban = new TreeMap<>();
  private final Map<String, Long> bare = new TreeMap<>();

  RowCounts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
          r.next();
          counts.put(table, r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  void addDuban(Map<String, Long> before, Map<String, Long> after) {
    after.forEach((t, n) -> duban.merge(t, n - before.get(t), Long::sum));
  }

  void addBare(Map<String, Long> before, Map<String, Long> after) {
    after.forEach((t, n) -> bare.merge(t, n - before.get(t), Long::sum));
  }

  /** table → [duban rows per instance, baseline rows per instance] */
  Map<String, Object> perInstance(long instances) {
    Map<String, Object> out = new TreeMap<>();
    duban.forEach((t, n) -> out.put(t, new double[] {Stats.round((double) n / instances),
        Stats.round((double) bare.get(t) / instances)}));
    return out;
  }
}
