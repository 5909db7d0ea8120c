package duban.migration;

import duban.migration.MigrationReport.BlockedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the instances a plan cannot move, without moving any: the engine migrates them synchronously inside a
 * transaction that is always rolled back. The engine stops at the first instance that fails its validation; that
 * one is recorded and the rest tried again, so a plan without problems costs one rolled-back transaction per
 * {@link #CHUNK} instances.
 */
@Component
class DryRun {

  /**
   * Instances tried in one transaction. The rows of those instances stay locked until it is rolled back, so a user
   * submitting on one of them waits that long; small chunks keep the wait short.
   */
  static final int CHUNK = 50;

  private final RuntimeService runtimeService;
  private final TransactionTemplate rolledBack;

  DryRun(RuntimeService runtimeService, PlatformTransactionManager transactionManager) {
    this.runtimeService = runtimeService;
    this.rolledBack = new TransactionTemplate(transactionManager);
    this.rolledBack.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  List<BlockedInstance> blocked(MigrationPlan plan, List<String> instanceIds, Map<String, String> businessKeys,
      BpmnModelInstance sourceModel) {
    return blocked(plan, instanceIds, businessKeys, sourceModel, CHUNK);
  }

  List<BlockedInstance> blocked(MigrationPlan plan, List<String> instanceIds, Map<String, String> businessKeys,
      BpmnModelInstance sourceModel, int chunk) {
    List<BlockedInstance> blocked = new ArrayList<>();
    for (int from = 0; from < instanceIds.size(); from += chunk) {
      blocked.addAll(blockedIn(plan, instanceIds.subList(from, Math.min(from + chunk, instanceIds.size())),
          businessKeys, sourceModel));
    }
    return blocked;
  }

  private List<BlockedInstance> blockedIn(MigrationPlan plan, List<String> instanceIds, Map<String, String> businessKeys,
      BpmnModelInstance sourceModel) {
    List<BlockedInstance> blocked = new ArrayList<>();
    List<String> remaining = new ArrayList<>(instanceIds);
    while (!remaining.isEmpty()) {
      RuntimeException failure = attempt(plan, remaining);
      if (failure == null) {
        break;
      }
      if (failure instanceof MigratingProcessInstanceValidationException invalid
          && remaining.remove(invalid.getValidationReport().getProcessInstanceId())) {
        String id = invalid.getValidationReport().getProcessInstanceId();
        blocked.add(new BlockedInstance(id, businessKeys.get(id), FailureText.of(invalid.getValidationReport(), sourceModel)));
        continue;
      }
      // a failure that names no instance: try them one by one to find which
      for (String id : remaining) {
        RuntimeException alone = attempt(plan, List.of(id));
        if (alone != null) {
          List<String> reasons = alone instanceof MigratingProcessInstanceValidationException invalid
              ? FailureText.of(invalid.getValidationReport(), sourceModel)
              : List.of("迁移时出错：" + alone.getMessage());
          blocked.add(new BlockedInstance(id, businessKeys.get(id), reasons));
        }
      }
      break;
    }
    return blocked;
  }

  private RuntimeException attempt(MigrationPlan plan, List<String> instanceIds) {
    return rolledBack.execute(status -> {
      status.setRollbackOnly();
      try {
        runtimeService.newMigration(plan).processInstanceIds(instanceIds).execute();
        return null;
      } catch (ProcessEngineException e) {
        return e;
      }
    });
  }
}
