package duban.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

/** duban's schema and the evidence store on a given database: a file in several chunks stored, read back, removed. */
public final class StoreCheck {

  private StoreCheck() {}

  public static void roundTrip(DataSource dataSource) throws Exception {
    try (var connection = dataSource.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("schema.sql"));
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    EvidenceStore store = new EvidenceStore(jdbc);
    byte[] content = new byte[EvidenceStore.CHUNK * 2 + 12_345];
    new Random(22).nextBytes(content);
    Evidence file = new Evidence(UUID.randomUUID().toString(), "pi-1", "JNSC2022-6", "task-1",
        "Task_SubmitContribution", "报送配合情况", 1, "rhjn", "rhjn", LocalDateTime.of(2026, 11, 26, 10, 0),
        "座谈会会议纪要.pdf", FileKind.PDF, content.length, "00");
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    transaction.executeWithoutResult(status -> {
      try {
        store.insert(file, new ByteArrayInputStream(content));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(jdbc.queryForObject("select count(*) from duban_evidence_chunk where evidence_id = ?", Integer.class,
        file.id())).isEqualTo(3);
    assertThat(store.find(file.id())).contains(file);
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    store.copyContent(file.id(), back);
    assertThat(back.toByteArray()).isEqualTo(content);
    assertThat(store.totals("pi-1")).containsExactly(1, content.length);

    // a failure half-way through an insert leaves neither the record nor any chunk
    Evidence broken = new Evidence(UUID.randomUUID().toString(), "pi-1", "JNSC2022-6", "task-1",
        "Task_SubmitContribution", "报送配合情况", 1, "rhjn", "rhjn", LocalDateTime.now(), "断开.pdf", FileKind.PDF,
        10, "00");
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      try {
        store.insert(broken, new java.io.SequenceInputStream(new ByteArrayInputStream(content),
            new java.io.InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset");
              }
            }));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    })).hasRootCauseMessage("connection reset");
    assertThat(store.find(broken.id())).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from duban_evidence_chunk where evidence_id = ?", Integer.class,
        broken.id())).isZero();

    store.delete(file.id());
    assertThat(store.find(file.id())).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from duban_evidence_chunk", Integer.class)).isZero();
  }
}
