package duban.plan;

import duban.web.ApiException;

/** A plan code that is already taken by a different table. */
public class PlanConflictException extends ApiException {

  PlanConflictException(String code) {
    super(409, "PlanConflict", "计划编号 " + code + " 已导入且内容不同；请使用新的计划编号");
  }
}
