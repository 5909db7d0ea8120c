package duban.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Serialises start-up across nodes on PostgreSQL: from the moment the data source exists (before schema.sql and the
 * engine's schema creation) until the application is ready (after the identity, grants, filters, seed import and
 * indexes), a node holds a session-level advisory lock. A second node started at the same instant waits for it and
 * then finds everything in place. The lock belongs to a connection of its own, so a node that dies while holding it
 * releases it with its connection. Camunda's own deployment lock covers deployments only.
 *
 * <p>Other databases: H2's file database is opened by one process only, so there is nothing to serialise.
 */
final class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  /** Any fixed number; all duban nodes of one database agree on it. */
  static final long KEY = 0x64756261_6e000001L;

  private final Duration maxWait;
  private Connection held;
  private boolean tried;

  StartupLock(Duration maxWait) {
    this.maxWait = maxWait;
  }

  @Override
  public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !tried) {
      tried = true;
      acquire(dataSource);
    }
    return bean;
  }

  private void acquire(DataSource dataSource) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long deadline = System.nanoTime() + maxWait.toNanos();
      boolean logged = false;
      while (!tryLock(connection)) {
        if (!logged) {
          log.info("Another node is starting on this database; waiting for it to finish (at most {})", maxWait);
          logged = true;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Another node held the start-up lock for longer than "
              + maxWait + " (duban.startup.lock-wait); is it stuck? Its connection holds advisory lock " + KEY);
        }
        Thread.sleep(500);
      }
      if (logged) {
        log.info("Start-up lock acquired; continuing");
      }
      held = connection;
    } catch (SQLException e) {
      close(connection);
      throw new IllegalStateException("Start-up lock not taken: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      close(connection);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      s.setLong(1, KEY);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    release();
  }

  /** A start that fails closes the context: the next node must not wait for it. */
  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (PreparedStatement s = held.prepareStatement("select pg_advisory_unlock(?)")) {
      s.setLong(1, KEY);
      s.execute();
    } catch (SQLException e) {
      log.warn("Start-up lock not released explicitly; it goes with the connection: {}", e.getMessage());
    } finally {
      close(held);
      held = null;
    }
  }

  private static void close(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing the start-up lock's connection: {}", e.getMessage());
    }
  }
}
