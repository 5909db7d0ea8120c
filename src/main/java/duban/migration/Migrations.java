package duban.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Runs a validated plan as a batch (Cockpit, Batches): one batch job per instance, each moving its instance whole or
 * not at all. A plan whose validation reports anything is refused and nothing moves.
 */
@Component
class Migrations {

  /** A started migration. */
  record Started(String batchId, int instances, MigrationReport report) {}

  private final MigrationPlanner planner;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;

  Migrations(MigrationPlanner planner, RuntimeService runtimeService, RepositoryService repositoryService) {
    this.planner = planner;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
  }

  MigrationReport validate(MigrationRequest request) {
    return planner.prepare(request).report();
  }

  Started execute(MigrationRequest request) {
    MigrationPlanner.Prepared prepared = planner.prepare(request);
    if (!prepared.report().executable()) {
      throw new MigrationRefusedException(prepared.report());
    }
    if (prepared.instanceIds().isEmpty()) {
      return new Started(null, 0, prepared.report());
    }
    Batch batch = runtimeService.newMigration(prepared.plan()).processInstanceIds(prepared.instanceIds()).executeAsync();
    return new Started(batch.getId(), prepared.instanceIds().size(), prepared.report());
  }

  /** Every version of a process with its running instances, newest first: what an administrator migrates from. */
  List<Map<String, Object>> versions(String processKey) {
    MigrationPlanner.checkKey(processKey);
    List<Map<String, Object>> versions = new ArrayList<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .orderByProcessDefinitionVersion().desc().list()) {
      Map<String, Object> version = new LinkedHashMap<>();
      version.put("version", definition.getVersion());
      version.put("versionTag", definition.getVersionTag());
      version.put("definitionId", definition.getId());
      version.put("deploymentId", definition.getDeploymentId());
      version.put("instances", runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count());
      versions.add(version);
    }
    return versions;
  }
}
