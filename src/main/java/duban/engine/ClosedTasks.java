package duban.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Tells a submit that failed because its task is no longer open, and why, from the task's history: completed by
 * someone else (the usual case when two people of a unit submit the same task), or withdrawn by the process. The
 * caller may not read that history; the answer only says what became of the task they submitted.
 */
final class ClosedTasks {

  static final String BUSY = "该任务所在流程正被同时办理，本次提交未生效，请稍后重新提交";

  private final ProcessEngineConfigurationImpl engine;

  ClosedTasks(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /**
   * Whether a closed task had been offered to the caller: a colleague who loses the race to the same task can be
   * refused by the authorization check (the task's grants went with it) rather than by the task's absence.
   */
  boolean wasOfferedToCaller(String taskId) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getGroupIds() == null) {
      return false;
    }
    List<String> groups = caller.getGroupIds();
    return asSystem(() -> engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId).list()
        .stream().anyMatch(link -> link.getGroupId() != null && groups.contains(link.getGroupId())));
  }

  /** Why the task cannot be submitted any more; empty if it is still open or was never known. */
  Optional<String> reason(String taskId) {
    return asSystem(() -> {
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
        return Optional.empty();
      }
      HistoricTaskInstance task = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
          .singleResult();
      if (task == null || task.getEndTime() == null) {
        return Optional.empty();
      }
      if ("completed".equals(task.getDeleteReason())) {
        String by = task.getAssignee() == null ? "他人" : task.getAssignee();
        return Optional.of("「" + task.getName() + "」已由" + by + "办理完毕，本次提交未生效，请刷新待办列表");
      }
      return Optional.of("「" + task.getName() + "」已不在待办中（流程已变化），本次提交未生效，请刷新待办列表");
    });
  }

  private <T> T asSystem(java.util.function.Supplier<T> work) {
    return WithoutCaller.call(engine.getIdentityService(), work);
  }
}
