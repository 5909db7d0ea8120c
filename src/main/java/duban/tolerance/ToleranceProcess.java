package duban.tolerance;

import java.util.Arrays;

/** Ids of {@code bpmn/ToleranceApplicationProcess.bpmn} that code and tests refer to, and its deciding steps. */
final class ToleranceProcess {

  private ToleranceProcess() {}

  static final String KEY = "ToleranceApplicationProcess";
  /** The start form, also its {@code formRef}. */
  static final String FORM_APPLICATION = "tolerance-application";

  static final String OPEN_INVESTIGATION = "Task_OpenInvestigation";
  static final String VERIFY_FACTS = "Task_VerifyFacts";
  static final String DETERMINE_OUTCOME = "Task_DetermineOutcome";
  static final String CONSIDER_APPEAL = "Task_ConsiderAppeal";
  static final String REDETERMINE_OUTCOME = "Task_Redetermine";

  static final String REMIND_OPEN_INVESTIGATION = "ServiceTask_RemindOpenInvestigation";
  static final String REMIND_VERIFY_FACTS = "ServiceTask_RemindVerifyFacts";
  static final String REMIND_DETERMINE_OUTCOME = "ServiceTask_RemindDetermineOutcome";
  static final String REMIND_REDETERMINE = "ServiceTask_RemindRedetermine";

  static final String NOTIFY_DECLINED = "ServiceTask_NotifyDeclined";
  static final String NOTIFY_DETERMINATION = "ServiceTask_NotifyDetermination";
  static final String NOTIFY_REDETERMINATION = "ServiceTask_NotifyRedetermination";
  static final String APPLY_DETERMINATION = "ServiceTask_ApplyDetermination";

  /**
   * A step with a working-day limit: its name in Chinese (for task names and reminders), its user task and the
   * service task that reminds the deciding body once the limit has passed (the appeal period has none). The BPMN's
   * timers name a step by its constant ({@code toleranceLimits.reminderAt('OPEN')}).
   */
  enum Step {
    OPEN("调查启动", OPEN_INVESTIGATION, REMIND_OPEN_INVESTIGATION),
    VERIFY("调查核实", VERIFY_FACTS, REMIND_VERIFY_FACTS),
    DETERMINE("组织认定", DETERMINE_OUTCOME, REMIND_DETERMINE_OUTCOME),
    APPEAL("申诉", CONSIDER_APPEAL, null),
    REDETERMINE("复核认定", REDETERMINE_OUTCOME, REMIND_REDETERMINE);

    private final String label;
    private final String task;
    private final String reminder;

    Step(String label, String task, String reminder) {
      this.label = label;
      this.task = task;
      this.reminder = reminder;
    }

    String label() {
      return label;
    }

    static Step named(String name) {
      return Arrays.stream(values()).filter(step -> step.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("未知的容错步骤：" + name));
    }

    static Step ofTask(String taskDefinitionKey) {
      return Arrays.stream(values()).filter(step -> step.task.equals(taskDefinitionKey)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("不是容错步骤的任务：" + taskDefinitionKey));
    }

    static Step ofReminder(String activityId) {
      return Arrays.stream(values()).filter(step -> activityId.equals(step.reminder)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("不是容错步骤的提醒：" + activityId));
    }
  }
}
