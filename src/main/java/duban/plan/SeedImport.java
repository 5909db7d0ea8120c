package duban.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
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

  SeedImport(PlanImporter importer, @Value("${duban.seed.plan-code}") String planCode,
      @Value("${duban.seed.location}") Resource seed) {
    this.importer = importer;
    this.planCode = planCode;
    this.seed = seed;
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
