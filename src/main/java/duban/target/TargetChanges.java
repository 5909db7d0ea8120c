package duban.target;

import static duban.supervision.SupervisionVariables.BREAKDOWN;
import static duban.supervision.SupervisionVariables.LONG_TERM;

import duban.engine.WithoutCaller;
import duban.supervision.SupervisionProcess;
import duban.supervision.SupervisionVariables;
import duban.supervision.Target;
import duban.supervision.TargetSlots;
import duban.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's corrections of an imported task's targets: add, edit, remove. Each is recorded (who, when, before,
 * after), and a task still under supervision gets its report form's slots updated at once.
 */
@Service
class TargetChanges {

  private final TargetBook book;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  TargetChanges(TargetBook book, RuntimeService runtimeService, IdentityService identityService) {
    this.book = book;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @Transactional
  List<Target> add(String planCode, int number, Target target, String by) {
    List<TargetBook.Stored> stored = existing(planCode, number);
    if (stored.size() >= SupervisionVariables.TARGET_SLOTS) {
      throw new IllegalArgumentException("第 " + number + " 项任务已有 " + SupervisionVariables.TARGET_SLOTS
          + " 个量化目标，不能再添加");
    }
    List<Target> targets = new ArrayList<>(stored.stream().map(TargetBook.Stored::target).toList());
    targets.add(target);
    List<TargetBook.Stored> keep = new ArrayList<>(stored);
    return apply(planCode, number, keep, targets, by, "add", null, target);
  }

  @Transactional
  List<Target> edit(String planCode, int number, int slot, Target target, String by) {
    List<TargetBook.Stored> stored = existing(planCode, number);
    TargetBook.Stored old = inSlot(stored, number, slot);
    List<Target> targets = new ArrayList<>(stored.stream().map(TargetBook.Stored::target).toList());
    targets.set(slot - 1, target);
    return apply(planCode, number, stored, targets, by, "edit", old.target(), target);
  }

  @Transactional
  List<Target> remove(String planCode, int number, int slot, String by) {
    List<TargetBook.Stored> stored = existing(planCode, number);
    TargetBook.Stored old = inSlot(stored, number, slot);
    List<TargetBook.Stored> keep = new ArrayList<>(stored);
    keep.remove(slot - 1);
    List<Target> targets = keep.stream().map(TargetBook.Stored::target).toList();
    return apply(planCode, number, keep, targets, by, "remove", old.target(), null);
  }

  private List<Target> apply(String planCode, int number, List<TargetBook.Stored> keep, List<Target> targets, String by,
      String action, Target before, Target after) {
    book.replace(planCode, number, keep, targets);
    book.change(planCode, number, by, action, before, after);
    ProcessInstance running = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(SupervisionProcess.businessKey(planCode, number))
        .processDefinitionKey(SupervisionProcess.KEY).active().singleResult();
    if (running != null) {
      // the system updates the form's slots: the office may change targets, not write process variables directly
      WithoutCaller.call(identityService, () -> {
        boolean longTerm = Boolean.TRUE.equals(runtimeService.getVariable(running.getId(), LONG_TERM.name()));
        boolean breakdown = Boolean.TRUE.equals(runtimeService.getVariable(running.getId(), BREAKDOWN.name()));
        runtimeService.setVariables(running.getId(), TargetSlots.variables(targets, longTerm, breakdown));
        return null;
      });
    }
    return targets;
  }

  private List<TargetBook.Stored> existing(String planCode, int number) {
    if (!book.isSettled(planCode, number)) {
      throw new NotFoundException("计划 " + planCode + " 中没有已导入的第 " + number + " 项任务");
    }
    return book.stored(planCode, number);
  }

  private static TargetBook.Stored inSlot(List<TargetBook.Stored> stored, int number, int slot) {
    if (slot < 1 || slot > stored.size()) {
      throw new NotFoundException("第 " + number + " 项任务没有第 " + slot + " 个量化目标（共 " + stored.size() + " 个）");
    }
    return stored.get(slot - 1);
  }
}
