package duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import duban.evidence.StoreCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The evidence tables on a real PostgreSQL: content in bytea, so pg_dump holds the files. */
@ExtendWith(Postgres.class)
class EvidenceStorePostgresIT {

  @Test
  void storesReadsAndRemovesAFileInByteaChunks() throws Exception {
    Postgres.Database db = Postgres.newDatabase("evidence");
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.url());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    StoreCheck.roundTrip(dataSource);
    assertThat(new JdbcTemplate(dataSource).queryForObject("select data_type from information_schema.columns "
        + "where table_name = 'duban_evidence_chunk' and column_name = 'data'", String.class)).isEqualTo("bytea");
  }
}
