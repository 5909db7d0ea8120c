package duban.plan;

import duban.unit.UnitDirectory;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Parses the text form of a task-division table (任务分工表): a title line, then rows of
 * tab-prefixed cells separated by blank lines. Unit names are resolved against the directory.
 */
@Component
public class TaskDivisionTableParser {

  private final UnitDirectory units;

  public TaskDivisionTableParser(UnitDirectory units) {
    this.units = Objects.requireNonNull(units, "units");
  }

  /**
   * @param planCode the code the plan is stored under, e.g. {@code JNSC2022}
   * @throws PlanFormatException listing every problem in the text, each with its line and column
   */
  public Plan parse(String planCode, String text) {
    if (planCode == null || planCode.isBlank()) {
      throw new IllegalArgumentException("planCode must not be blank");
    }
    Objects.requireNonNull(text, "text");
    return new PlanReader(units, planCode).read(RawTable.read(text));
  }
}
