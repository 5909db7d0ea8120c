package duban.bench;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The baselines: bare processes built with Camunda's fluent model API, no listeners, no variables of their own, no
 * timers beside the work. They run on the same engine, database and history level as duban's.
 */
final class BareProcesses {

  static final String GROUP = "benchbare";
  static final String USER = "benchbareuser";
  static final String TIMER_KEY = "bench_bare_timer";

  private final RepositoryService repository;
  private final Set<Integer> deployed = new HashSet<>();

  BareProcesses(RepositoryService repository) {
    this.repository = repository;
  }

  /** Key of a process with {@code userTasks} user tasks in a row, each offered to the bench group. */
  String userTasks(int userTasks) {
    String key = "bench_bare_" + userTasks;
    if (deployed.add(userTasks)) {
      AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30).startEvent();
      for (int i = 1; i <= userTasks; i++) {
        flow = flow.userTask("task" + i).camundaCandidateGroups(GROUP);
      }
      deploy(key, flow.endEvent().done());
    }
    return key;
  }

  /** Start → timer at ${due} → end: the cheapest job the engine can run. */
  String timer() {
    if (deployed.add(-1)) {
      deploy(TIMER_KEY, Bpmn.createExecutableProcess(TIMER_KEY).camundaHistoryTimeToLive(30).startEvent()
          .intermediateCatchEvent("wait").timerWithDate("${due}").endEvent().done());
    }
    return TIMER_KEY;
  }

  private void deploy(String key, BpmnModelInstance model) {
    repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
  }
}
