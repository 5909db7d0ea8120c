package duban.evidence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The evidence tables on H2, the default database (PostgreSQL: duban.cluster.EvidenceStorePostgresIT). */
class EvidenceStoreTest {

  @Test
  void storesReadsAndRemovesAFileInChunksOnH2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:evidence-store;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    StoreCheck.roundTrip(h2);
  }
}
