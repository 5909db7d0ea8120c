package duban.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Imports the shipped table on start-up; a broken seed stops start-up with the parser's message. */
@Component
@Order(30)
@ConditionalOnProperty(name = "duban.seed.import-on-startup", havingValue = "true", matchIfMissing = true)
class SeedImport implements ApplicationRunner {

  private final PlanImporter importer;
  private final String planCode;
  private final Resource seed;

  /** {@code duban.seed}: the shipped table, the code it is imported under, and whether it is imported on start-up. */
  @ConfigurationProperties("duban.seed")
  record Settings(String planCode, Resource location, boolean importOnStartup) {}

  SeedImport(PlanImporter importer, Settings settings) {
    this.importer = importer;
    this.planCode = settings.planCode();
    this.seed = settings.location();
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    String text = seed.getContentAsString(StandardCharsets.UTF_8);
    try {
      importer.importPlan(planCode, text);
    } catch (PlanFormatException e) {
      throw new IllegalStateException("内置任务分工表 " + seed.getDescription() + " 有误，无法启动：\n" + e.getMessage(), e);
    }
  }
}
