package duban;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The real application on an in-memory database with the job executor off and no seed import: tests start what they
 * need and run jobs themselves. Every class with this annotation shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:engine-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "duban.seed.import-on-startup=false",
    "duban.reminders.dispatch-interval=PT24H",
    "duban.reminders.recovery-interval=PT24H"})
public @interface EngineTest {}
