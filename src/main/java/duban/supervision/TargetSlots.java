package duban.supervision;

import static duban.supervision.SupervisionVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A task's targets as the report form's slots read them: one shown slot per target, the rest hidden. */
public final class TargetSlots {

  private TargetSlots() {}

  /**
   * @param breakdown each member of a collective reports its own values: the label says whether the target is the
   *     member's own (每个区县…) or the members' total
   * @throws IllegalArgumentException if there are more targets than the form has slots
   */
  public static Map<String, Object> variables(List<Target> targets, boolean longTerm, boolean breakdown) {
    if (targets.size() > TARGET_SLOTS) {
      throw new IllegalArgumentException("每项任务最多 " + TARGET_SLOTS + " 个量化目标，实为 " + targets.size() + " 个");
    }
    Map<String, Object> v = new HashMap<>();
    HAS_TARGET.put(v, !targets.isEmpty());
    TARGET_COUNT.put(v, targets.size());
    for (int slot = 1; slot <= TARGET_SLOTS; slot++) {
      boolean shown = slot <= targets.size();
      targetShown(slot).put(v, shown);
      targetLabel(slot).put(v, shown ? targets.get(slot - 1).label() + "（" + ask(targets.get(slot - 1), longTerm, breakdown) + "）"
          : null);
    }
    return v;
  }

  private static String ask(Target target, boolean longTerm, boolean breakdown) {
    String whose = !breakdown ? "" : target.perMember() ? "本单位目标，" : "各成员单位合计目标，";
    String own = breakdown ? "本单位" : "";
    if (!target.perYear()) {
      return whose + "填写" + own + "截至目前的累计完成值";
    }
    return whose + (longTerm ? "填写" + own + "本期完成值，同一年度各期相加" : "填写" + own + "本年度完成值");
  }
}
