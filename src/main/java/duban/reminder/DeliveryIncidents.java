package duban.reminder;

import java.util.Collection;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A message that cannot go out shows in Cockpit as an incident on each task instance it concerns, with the
 * channel's answer as the message; the incidents are resolved by themselves once the message is sent.
 */
@Component
class DeliveryIncidents {

  /** The incident type Cockpit shows. */
  static final String TYPE = "noticeDelivery";
  static final String FAILURE = "提醒发送失败";

  private static final Logger log = LoggerFactory.getLogger(DeliveryIncidents.class);

  private final RuntimeService runtime;

  DeliveryIncidents(RuntimeService runtime) {
    this.runtime = runtime;
  }

  void raise(String dispatchId, Collection<String> processInstanceIds, String error) {
    String message = FAILURE + "：" + error;
    String text = message.length() > 3900 ? message.substring(0, 3900) : message;
    for (String instance : processInstanceIds) {
      // an incident needs an execution in an activity: one of the instance's, e.g. the ladder's timer
      boolean raised = false;
      for (Execution execution : runtime.createExecutionQuery().processInstanceId(instance).list()) {
        try {
          runtime.createIncident(TYPE, execution.getId(), dispatchId, text);
          raised = true;
          break;
        } catch (ProcessEngineException notInAnActivity) {
          // try the next one
        }
      }
      if (!raised) {
        log.warn("No incident for notice delivery {}: instance {} has ended", dispatchId, instance);
      }
    }
    log.error("{} (dispatch {}, {} tasks)", message, dispatchId, processInstanceIds.size());
  }

  void resolve(String dispatchId) {
    for (Incident incident : runtime.createIncidentQuery().incidentType(TYPE).configuration(dispatchId).list()) {
      runtime.resolveIncident(incident.getId());
    }
  }
}
