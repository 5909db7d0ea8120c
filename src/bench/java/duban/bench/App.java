package duban.bench;

import duban.DubanApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The real duban application, started in this JVM against one database, for one group of measures. */
final class App implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final ProcessEngine engine;

  private App(ConfigurableApplicationContext context) {
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
  }

  /** Starts duban with the seed import off (the measures import what they need) and the given extra properties. */
  /** An existing database's settings from a probe's arguments: URL USER PASSWORD, then property=value from {@code from}. */
  static Map<String, String> attached(String[] args, int from) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", args[0]);
    properties.put("spring.datasource.username", args[1]);
    properties.put("spring.datasource.password", args[2]);
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("duban.seed.import-on-startup", "false");
    if (args[0].startsWith("jdbc:postgresql:")) {
      properties.put("spring.profiles.active", "postgres"); // as the measures run it (application-postgres.yaml)
    }
    for (int i = from; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      properties.put(kv[0], kv[1]);
    }
    return properties;
  }

  static App start(Map<String, String> database, Map<String, String> extra) {
    Map<String, String> properties = new LinkedHashMap<>(database);
    properties.put("server.port", "0");
    properties.put("duban.seed.import-on-startup", "false");
    properties.putAll(extra);
    // experiments: -Dbench.spring.some.property=value reaches every application the harness starts in this JVM
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.spring."))
        .forEach(k -> properties.put(k.substring("bench.spring.".length()), System.getProperty(k)));
    // as command-line arguments: they win over application.yaml (builder "properties" would be defaults, and lose)
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new App(new SpringApplicationBuilder(DubanApplication.class).run(args));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JdbcTemplate jdbc() {
    return context.getBean(JdbcTemplate.class);
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  JobExecutor jobExecutor() {
    return configuration().getJobExecutor();
  }

  @Override
  public void close() {
    context.close();
  }
}
