package duban.bench;

import duban.DubanApplication;
import duban.bench.bare.BareApplication;
import java.lang.management.ManagementFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;

/**
 * Run in a child JVM by StartupMeasure: starts duban or the bare application and, when it is ready (after duban's
 * seed import, which runs before readiness), prints the JVM's uptime and the heap in use after a full GC, then exits.
 */
public final class StartupProbe {

  public static void main(String[] args) {
    Class<?> app = args[0].equals("duban") ? DubanApplication.class : BareApplication.class;
    String[] springArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
    SpringApplication application = new SpringApplication(app);
    application.addListeners((ApplicationReadyEvent e) -> {
      long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.println("BENCH-READY uptimeMs=" + uptime + " heapUsedBytes=" + heap);
      System.out.flush();
      System.exit(0);
    });
    application.run(springArgs);
  }
}
