package duban.cluster;

import duban.DubanApplication;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as an operator starts it with the {@code postgres} profile, in this JVM: one engine node. Its
 * name is the engine's host name, which the job log records for every job the node runs.
 */
final class Node implements AutoCloseable {

  final String name;
  private final ConfigurableApplicationContext context;

  private Node(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  static Node start(String name, Postgres.Database db, String... settings) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        // the variables the profile reads, given as properties (a JVM cannot set its own environment)
        "--POSTGRES_URL=" + db.url(),
        "--POSTGRES_USER=" + db.user(),
        "--POSTGRES_PASSWORD=" + db.password(),
        "--server.port=0",
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    args.addAll(List.of(settings));
    return new Node(name, new SpringApplicationBuilder(DubanApplication.class).run(args.toArray(String[]::new)));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  int port() {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  JobExecutor jobExecutor() {
    return bean(ProcessEngineConfigurationImpl.class).getJobExecutor();
  }

  @Override
  public void close() {
    context.close();
  }
}
