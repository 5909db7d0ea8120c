package duban.evidence;

import static duban.supervision.SupervisionVariables.LEAD_UNITS;
import static duban.supervision.SupervisionVariables.PERIODS_REPORTED;
import static duban.supervision.SupervisionVariables.PRIMARY_LEAD_UNIT;
import static duban.supervision.SupervisionVariables.REVIEW_ROUNDS;
import static duban.supervision.SupervisionVariables.SUPPORTING_UNITS;

import duban.engine.CurrentUser;
import duban.engine.WithoutCaller;
import duban.supervision.SupervisionLists;
import duban.supervision.SupervisionProcess;
import duban.unit.UnitDirectory;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may attach, list and read evidence. Attaching: the unit holding an open 报送 or 配合 task. Reading: the unit
 * that attached a file, the primary lead unit (it reports on everyone's work), the supervision office and the
 * joint-conference office. Everyone else is told the task or file does not exist, so ids cannot be probed.
 * Reads the engine without the caller's authorization: the answers are decided here.
 */
@Component
class EvidenceAccess {

  static final Set<String> ATTACHABLE = Set.of(SupervisionProcess.SUBMIT_REPORT, SupervisionProcess.SUBMIT_CONTRIBUTION);
  static final Set<String> OFFICES = Set.of(SupervisionProcess.SUPERVISION_GROUP, SupervisionProcess.JOINT_OFFICE_GROUP);

  /** The authenticated caller and the groups the engine knows them by. */
  record Caller(String userId, List<String> groups) {
    boolean office() {
      return groups.stream().anyMatch(OFFICES::contains);
    }

    boolean in(String group) {
      return group != null && groups.contains(group);
    }
  }

  /** A supervised task's process, with the units that take part in it. */
  record Process(String processInstanceId, String businessKey, String taskName, String primaryLead, Set<String> units) {}

  /** An open task the caller's unit may attach files to. */
  record Target(String taskId, String taskKey, String taskName, String processInstanceId, String businessKey,
      String unit, int round) {}

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final UnitDirectory directory;
  private final SupervisionLists lists;
  private final CurrentUser currentUser;

  EvidenceAccess(TaskService taskService, HistoryService historyService, IdentityService identityService,
      UnitDirectory directory, SupervisionLists lists, CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.directory = directory;
    this.lists = lists;
  }

  Caller caller() {
    String user = currentUser.id();
    if (user == null) {
      throw EvidenceRejectedException.forbidden("请先登录");
    }
    return new Caller(user, currentUser.groups());
  }

  /** The task the caller may attach to now, or the reason why not; checked before any of the upload is read. */
  Target attachTarget(Caller caller, String taskId) {
    return WithoutCaller.call(identityService, () -> {
      Process process = process(caller, taskId);
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        throw EvidenceRejectedException.frozen("该环节已提交，佐证材料不能再添加或更改；如需补充，请在退回后的新一轮报送中添加");
      }
      if (!ATTACHABLE.contains(task.getTaskDefinitionKey())) {
        throw EvidenceRejectedException.forbidden("「" + task.getName() + "」环节不能添加佐证材料，只有报送办理情况和报送承办配合情况可以");
      }
      String unit = taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
          .filter(Objects::nonNull).filter(caller::in).filter(g -> directory.byCode(g).isPresent())
          .findFirst().orElseThrow(() -> EvidenceRejectedException.forbidden("只有承办该环节的单位可以添加佐证材料"));
      if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
        throw EvidenceRejectedException.forbidden("该任务已由 " + task.getAssignee() + " 认领，只有认领人可以添加佐证材料");
      }
      Map<String, Object> vars = variables(task.getProcessInstanceId());
      int round = 1 + intOf(vars.get(REVIEW_ROUNDS.name())) + intOf(vars.get(PERIODS_REPORTED.name()));
      return new Target(taskId, task.getTaskDefinitionKey(), task.getName(), task.getProcessInstanceId(),
          process.businessKey(), unit, round);
    });
  }

  /**
   * The process of a task (open or done) that the caller takes part in; anyone else is told it does not exist.
   * Taking part: an office, or one of the process's units now, or a unit that attached files to it earlier.
   */
  Process process(Caller caller, String taskId) {
    return WithoutCaller.call(identityService, () -> {
      HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      if (task == null || !SupervisionProcess.KEY.equals(task.getProcessDefinitionKey())) {
        throw notFound(taskId);
      }
      Map<String, Object> vars = variables(task.getProcessInstanceId());
      Set<String> units = new LinkedHashSet<>(lists.split((String) vars.get(LEAD_UNITS.name())));
      units.addAll(lists.split((String) vars.get(SUPPORTING_UNITS.name())));
      String businessKey = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
      Process process = new Process(task.getProcessInstanceId(), businessKey, task.getName(),
          (String) vars.get(PRIMARY_LEAD_UNIT.name()), units);
      if (!caller.office() && process.units().stream().noneMatch(caller::in)) {
        throw notFound(taskId);
      }
      return process;
    });
  }

  boolean mayRead(Caller caller, Evidence file, String primaryLead) {
    return caller.office() || caller.in(file.unit()) || caller.in(primaryLead);
  }

  /** The current primary lead unit of a file's process (it may have been replaced since). */
  String primaryLead(String processInstanceId) {
    return WithoutCaller.call(identityService,
        () -> (String) variables(processInstanceId).get(PRIMARY_LEAD_UNIT.name()));
  }

  /** A file may change while its task is open, by its unit only. */
  void checkMayChange(Caller caller, Evidence file) {
    if (!caller.in(file.unit())) {
      throw EvidenceRejectedException.forbidden("只有上传该材料的单位可以修改或删除它");
    }
    boolean open = WithoutCaller.call(identityService,
        () -> taskService.createTaskQuery().taskId(file.taskId()).count() == 1);
    if (!open) {
      throw EvidenceRejectedException.frozen("「" + file.name() + "」已随报送提交，不能再修改或删除");
    }
  }

  boolean taskOpen(String taskId) {
    return WithoutCaller.call(identityService, () -> taskService.createTaskQuery().taskId(taskId).count() == 1);
  }

  String unitName(String code) {
    return directory.byCode(code).map(u -> u.aliases().isEmpty() ? u.name() : u.aliases().get(0)).orElse(code);
  }

  static EvidenceRejectedException notFound(String taskId) {
    return EvidenceRejectedException.notFound("任务不存在或无权查看：" + taskId);
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableNameIn(LEAD_UNITS.name(), SUPPORTING_UNITS.name(), PRIMARY_LEAD_UNIT.name(), REVIEW_ROUNDS.name(),
            PERIODS_REPORTED.name())
        .list()) {
      if (processInstanceId.equals(v.getExecutionId())) {
        values.put(v.getName(), v.getValue());
      }
    }
    return values;
  }

  private static int intOf(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
