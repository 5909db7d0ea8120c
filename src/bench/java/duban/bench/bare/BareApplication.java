package duban.bench.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up baseline: the same class path and engine settings (application.yaml) as duban, but none of duban's
 * beans (this package is outside duban's component scan), no deployment and no duban tables.
 */
@SpringBootApplication
public class BareApplication {}
