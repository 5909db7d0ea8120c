package duban.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Imports the shipped table on start-up; a broken seed stops start-up with the parser's message. */
@Component
public class SeedImport {

  private final PlanImporter importer;
  private final String planCode;
  private final Resource seed;
  private final boolean enabled;

  /** {@code duban.seed}: the shipped table, the code it is imported under, and whether it is imported on start-up. */
  @ConfigurationProperties("duban.seed")
  record Settings(String planCode, Resource location, boolean importOnStartup) {}

  SeedImport(PlanImporter importer, Settings settings) {
    this.importer = importer;
    this.planCode = settings.planCode();
    this.seed = settings.location();
    this.enabled = settings.importOnStartup();
  }

  /** Step 5 of {@code duban.startup.StartupSequence}; off with {@code duban.seed.import-on-startup=false}. */
  public void run() throws IOException {
    if (!enabled) {
      return;
    }
    String text = seed.getContentAsString(StandardCharsets.UTF_8);
    try {
      importer.importPlan(planCode, text);
    } catch (PlanFormatException e) {
      throw new IllegalStateException("内置任务分工表 " + seed.getDescription() + " 有误，无法启动：\n" + e.getMessage(), e);
    }
  }
}
