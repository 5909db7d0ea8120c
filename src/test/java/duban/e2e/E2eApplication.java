package duban.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The browser tests' application, one cached context for all of them: the real application on a random port and an
 * in-memory H2, the seed imported at start-up with the engine's clock at {@link EngineClock#IMPORTED_AT}, jobs run by
 * the tests. Without Chromium each test is skipped before the application starts (on CI the classes fail instead).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// the extensions come before @SpringBootTest's: they run before the application context starts
@ExtendWith({BrowserE2ETest.NeedsChromium.class, EngineClock.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
public @interface E2eApplication {}
