package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A task's targets as the report form's slots read them: one shown slot per target, the rest hidden. */
public final class TargetSlots {

  private TargetSlots() {}

  /** @throws IllegalArgumentException if there are more targets than the form has slots */
  public static Map<String, Object> variables(List<Target> targets, boolean longTerm) {
    if (targets.size() > TARGET_SLOTS) {
      throw new IllegalArgumentException("每项任务最多 " + TARGET_SLOTS + " 个量化目标，实为 " + targets.size() + " 个");
    }
    Map<String, Object> v = new HashMap<>();
    HAS_TARGET.put(v, !targets.isEmpty());
    TARGET_COUNT.put(v, targets.size());
    for (int slot = 1; slot <= TARGET_SLOTS; slot++) {
      boolean shown = slot <= targets.size();
      targetShown(slot).put(v, shown);
      targetLabel(slot).put(v, shown ? targets.get(slot - 1).label() + "（" + ask(targets.get(slot - 1), longTerm) + "）"
          : null);
    }
    return v;
  }

  private static String ask(Target target, boolean longTerm) {
    if (!target.perYear()) {
      return "填写截至目前的累计完成值";
    }
    return longTerm ? "填写本期完成值，同一年度各期相加" : "填写本年度完成值";
  }
}
