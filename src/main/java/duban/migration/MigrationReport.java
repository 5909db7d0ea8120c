package duban.migration;

import java.util.List;
import java.util.Map;

/**
 * What a migration would do, before anything moves: per source activity how many instances wait there and where
 * they go, what the engine's validation of the plan reports, and every instance that cannot move with its reasons.
 * Only a report without problems may be executed.
 */
record MigrationReport(String processKey, Version source, Version target, int instances, List<Activity> activities,
    List<String> planProblems, List<BlockedInstance> blockedInstances, Map<String, Object> variables,
    boolean executable) {

  record Version(String definitionId, int version, String deploymentId) {}

  /** A source activity where instances wait, and the target activity they move to ({@code null}: none). */
  record Activity(String activityId, String activityName, String targetActivityId, String targetActivityName,
      int instances) {}

  /** An instance that cannot move, with the engine's reasons in the office's words. */
  record BlockedInstance(String processInstanceId, String businessKey, List<String> reasons) {}
}
