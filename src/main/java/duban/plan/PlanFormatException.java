package duban.plan;

import duban.web.ApiException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A table that cannot be imported; carries every problem found, not only the first. */
public class PlanFormatException extends ApiException {

  public static final String ERROR = "error";
  public static final String WARNING = "warning";

  /**
   * One finding about the table.
   *
   * @param row line of the text layout, or row of the Word table or Excel sheet (1-based); null for the whole table
   * @param number the task number (序号) of the row, if known
   * @param field the column or part: 序号, 主要内容, 具体措施, 时间要求, 牵头单位, 配合单位, 表头, 标题, 章节, 表格
   * @param severity {@value #ERROR} (the table cannot be imported) or {@value #WARNING} (it can, but look)
   */
  public record Problem(Integer row, Integer number, String field, String severity, String message)
      implements Serializable {

    static Problem error(Integer row, Integer number, String field, String message) {
      return new Problem(row, number, field, ERROR, message);
    }

    static Problem warning(Integer row, Integer number, String field, String message) {
      return new Problem(row, number, field, WARNING, message);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
      return ERROR.equals(severity);
    }

    /** Where, as a person reads it: 第12行（序号 7）, or 全文. */
    public String location() {
      return row == null ? "全文" : "第" + row + "行" + (number == null ? "" : "（序号 " + number + "）");
    }

    @Override
    public String toString() {
      return location() + "【" + field + "】" + (isError() ? "" : "提醒：") + message;
    }
  }

  private final List<Problem> problems;

  public PlanFormatException(List<Problem> problems) {
    super(400, "PlanFormatException", describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Errors first in table order, then warnings. */
  public List<Problem> problems() {
    return problems;
  }

  @Override
  protected Map<String, Object> details() {
    return Map.of("problems", problems);
  }

  private static String describe(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    return problems.stream()
        .map(Problem::toString)
        .collect(Collectors.joining("\n", "任务分工表有 " + errors + " 处错误：\n", ""));
  }
}
