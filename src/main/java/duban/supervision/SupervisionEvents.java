package duban.supervision;

/**
 * Receives each step of a task's supervision inside the step's own transaction, so a read model beside the process
 * (the overview) is never behind it. Supervision, 容错 and reminders publish through {@link SupervisionJournal}; they
 * know no receiver.
 */
public interface SupervisionEvents {

  /**
   * One step of one task.
   *
   * @param kind what happened, e.g. {@code REPORTED}
   * @param stage the work stage the task entered, or null if this step does not move it
   * @param actor the user who did it, null for the engine itself (timers)
   * @param unit the unit on whose behalf it was done, or the role's office; null if none
   * @param text what the record shows, in Chinese; null if the step is not worth a line of its own
   * @param task the task's state after the step; null if the step changed nothing the read model keeps
   */
  record Step(String planCode, int number, String processInstanceId, Kind kind, TaskStage stage, String actor,
      String unit, String text, TaskSnapshot task) {}

  enum Kind {
    ASSIGNED, DESIGNATED, TASK_OPENED, ACKNOWLEDGED, ASSIGNMENT_RETURNED, REASSIGNED, CONTRIBUTED, REPORTED,
    EXTENSION_REQUESTED, EXTENSION_DECIDED, REVIEWED, SIGN_OFF_DECIDED, SIGNED_OFF, REMINDER, NOTIFIED, TOLERANCE_FILED,
    TOLERANCE_DECIDED, TOLERANCE_CLOSED, EXEMPTED, EVIDENCE_ADDED, EVIDENCE_REMOVED
  }

  void on(Step step);
}
