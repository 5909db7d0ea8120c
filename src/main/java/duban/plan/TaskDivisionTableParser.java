package duban.plan;

import duban.unit.UnitDirectory;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Reads task-division tables (任务分工表) from their intermediate form; the text layout (a title line, then rows of
 * tab-prefixed cells separated by blank lines) directly. Unit names are resolved against the directory.
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
    Objects.requireNonNull(text, "text");
    Reading reading = read(planCode, RawTable.read(text), ImportOptions.NONE);
    if (!reading.importable()) {
      throw new PlanFormatException(reading.problems());
    }
    return reading.plan();
  }

  Reading read(String planCode, RawTable table, ImportOptions options) {
    if (planCode == null || planCode.isBlank()) {
      throw new IllegalArgumentException("planCode must not be blank");
    }
    return new PlanReader(units, planCode, options).read(table);
  }
}
