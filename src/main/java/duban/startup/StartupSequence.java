package duban.startup;

import duban.db.PostgresIndexes;
import duban.engine.AfterEngineBuild;
import duban.ops.HistoryRetention;
import duban.overview.ReadModelRepair;
import duban.plan.SeedImport;
import duban.security.AuthorizationSetup;
import duban.supervision.TasklistFilters;
import duban.tolerance.ToleranceGrants;
import duban.unit.IdentitySetup;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * duban's start-up, step by step; every step creates only what is missing, so every start runs them all.
 *
 * <p>Before step 1, the schema: Spring applies {@code schema.sql} (duban's tables, created if missing), then the engine
 * creates or upgrades its own tables while it is built ({@code camunda.bpm.database.schema-update}). On PostgreSQL
 * everything from the data source to the last step runs under {@code ops.StartupLock}, so two nodes started at
 * once do not race.
 */
@Configuration(proxyBeanMethods = false)
class StartupSequence {

  /** Steps 1–3, as the engine is built and before the web server accepts a request: no one meets an empty system. */
  @Bean
  AfterEngineBuild whileTheEngineIsBuilt(IdentitySetup identity, AuthorizationSetup grants,
      ToleranceGrants toleranceGrants) {
    return new AfterEngineBuild() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        identity.run(engine); // 1. a group per unit and role, the administrator, the demo logins
        grants.run(engine); // 2. each role's standing grants
        toleranceGrants.run(engine); // 3. who may file 容错 applications and who decides them
      }
    };
  }

  /** Steps 4–8, once the application is up. */
  @Bean
  ApplicationRunner onceTheApplicationIsUp(TasklistFilters filters, SeedImport seed, PostgresIndexes indexes,
      HistoryRetention retention, ReadModelRepair repair) {
    return args -> {
      filters.run(); // 4. the Tasklist filters of each role
      seed.run(); // 5. the shipped table (duban.seed)
      indexes.run(); // 6. PostgreSQL: our index on the engine's grants
      retention.run(); // 7. the history time to live on every process version
      repair.run(); // 8. the overview's rows, where a plan's instances outnumber them
    };
  }
}
