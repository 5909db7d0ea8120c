package duban.plan;

/** A plan code that is already taken by a different table. */
public class PlanConflictException extends RuntimeException {

  PlanConflictException(String code) {
    super("计划编号 " + code + " 已导入且内容不同；请使用新的计划编号");
  }
}
