package duban.supervision;

import static duban.supervision.SupervisionVariables.TRAFFIC_LIGHT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The 红黄绿灯 and state of every task of a plan, for the plan's ledger. A plan's ledger is visible to every
 * logged-in member of staff, so it is read past the per-instance grants.
 */
@Component
public class TaskStatuses {

  public record Status(String light, String lightLabel, boolean ended) {}

  private final ProcessEngine engine;

  TaskStatuses(ProcessEngine engine) {
    this.engine = engine;
  }

  public Map<Integer, Status> of(String planCode) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      List<HistoricProcessInstance> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(SupervisionProcess.KEY).processInstanceBusinessKeyLike(planCode + "-%").list();
      Map<String, String> lights = new HashMap<>();
      if (!instances.isEmpty()) {
        for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
            .variableName(TRAFFIC_LIGHT.name())
            .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new)).list()) {
          lights.put(v.getProcessInstanceId(), (String) v.getValue());
        }
      }
      Map<Integer, Status> statuses = new HashMap<>();
      for (HistoricProcessInstance instance : instances) {
        String light = lights.get(instance.getId());
        int number = Integer.parseInt(instance.getBusinessKey().substring(planCode.length() + 1));
        statuses.put(number, new Status(light,
            light == null ? null : TaskStatus.TrafficLight.valueOf(light).label(), instance.getEndTime() != null));
      }
      return statuses;
    });
  }
}
