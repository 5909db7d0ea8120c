package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import duban.DubanApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up as an operator sees it: the real application, started and stopped on a database file that persists. */
@ExtendWith(OutputCaptureExtension.class)
class StartupImportTest {

  @TempDir Path dir;

  private ConfigurableApplicationContext start(String... extra) {
    String[] base = {
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("duban").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return new SpringApplicationBuilder(DubanApplication.class).run(args);
  }

  @Test
  void startingTwiceImportsTheSeedOnceWithOneInstancePerTask(CapturedOutput output) {
    try (ConfigurableApplicationContext first = start()) {
      assertThat(output).contains("Imported plan JNSC2022 \"济南市加快推进大众创业万众创新工作任务分工表\": 67 tasks, 67 instances started, 0 skipped")
          .contains("Mail is off: spring.mail.host is not set");
      assertThat(instances(first)).isEqualTo(67);
      // every task's first step is offered to a real group with a login
      TaskService tasks = first.getBean(TaskService.class);
      IdentityService identity = first.getBean(IdentityService.class);
      tasks.createTaskQuery().list().forEach(task -> tasks.getIdentityLinksForTask(task.getId()).forEach(link ->
          assertThat(identity.createUserQuery().memberOfGroup(link.getGroupId()).count())
              .as("logins of group %s offered %s", link.getGroupId(), task.getName()).isPositive()));
    }
    try (ConfigurableApplicationContext second = start()) {
      assertThat(instances(second)).isEqualTo(67);
      assertThat(output).contains("67 tasks, 0 instances started, 67 skipped");
      assertThat(second.getBean(IdentityService.class).createUserQuery().userId("kx").count()).isEqualTo(1);
    }
  }

  @Test
  void aBrokenShippedSeedStopsStartUpNamingTheRow() throws Exception {
    String seed;
    try (var in = getClass().getResourceAsStream("/seeds/jinan-shuangchuang-task-division-2022.txt")) {
      seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path broken = dir.resolve("broken.txt");
    Files.writeString(broken, seed.replace("\t5\n", "\t五\n"));

    assertThatThrownBy(() -> start("--duban.seed.location=file:" + broken.toAbsolutePath()))
        .rootCause().hasMessageContaining("序号").hasMessageContaining("五");
    try (ConfigurableApplicationContext later = start("--duban.seed.import-on-startup=false")) {
      assertThat(instances(later)).isZero();
    }
  }

  private static long instances(ConfigurableApplicationContext context) {
    return context.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKeyLike("JNSC2022-%").count();
  }
}
