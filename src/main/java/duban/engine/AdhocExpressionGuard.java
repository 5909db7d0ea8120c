package duban.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refuses task queries that carry expressions unless they run as a stored filter. Camunda 7.24 CE checks only the
 * top level of an ad-hoc query and evaluates expressions nested in {@code orQueries}: code execution for any logged-in
 * user, with no CE patch. A filter's own stored expressions still work; an expression a caller adds to a filter run
 * (the extending query) does not.
 */
public final class AdhocExpressionGuard extends CommandInterceptor {

  public static final String MESSAGE = "查询中不允许使用表达式（${…} / #{…}）";

  private static final ThreadLocal<Integer> FILTER_DEPTH = ThreadLocal.withInitial(() -> 0);
  private static final CommandField<AbstractExecuteFilterCmd, Object> EXTENDING_QUERY =
      new CommandField<>(AbstractExecuteFilterCmd.class, "extendingQuery", Object.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AbstractExecuteFilterCmd filterRun) {
      refuseExpressionsIn(EXTENDING_QUERY.of(filterRun));
      FILTER_DEPTH.set(FILTER_DEPTH.get() + 1);
      try {
        return next.execute(command);
      } finally {
        FILTER_DEPTH.set(FILTER_DEPTH.get() - 1);
      }
    }
    if (FILTER_DEPTH.get() == 0) {
      refuseExpressionsIn(command);
    }
    return next.execute(command);
  }

  private static void refuseExpressionsIn(Object query) {
    if (query instanceof TaskQueryImpl taskQuery) {
      for (TaskQueryImpl part : taskQuery.getQueries()) {
        if (!part.getExpressions().isEmpty()) {
          throw new BadUserRequestException(MESSAGE + "：" + part.getExpressions().keySet());
        }
      }
    }
  }
}
