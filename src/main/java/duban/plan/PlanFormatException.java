package duban.plan;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/** A table that cannot be imported; carries every problem found, not only the first. */
public class PlanFormatException extends RuntimeException {

  /**
   * @param row where: {@code 第12行（序号 7）} (line in the text, and the task number if known)
   * @param field the column or part: 序号, 主要内容, 具体措施, 时间要求, 牵头单位, 配合单位, 表头, 标题, 章节, 表格
   */
  public record Problem(String row, String field, String message) implements Serializable {

    @Override
    public String toString() {
      return row + "【" + field + "】" + message;
    }
  }

  private final List<Problem> problems;

  public PlanFormatException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    return problems.stream()
        .map(Problem::toString)
        .collect(Collectors.joining("\n", "任务分工表有 " + problems.size() + " 处错误：\n", ""));
  }
}
