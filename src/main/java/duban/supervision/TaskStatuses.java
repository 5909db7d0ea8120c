package duban.supervision;

import java.util.Map;

/**
 * The 红黄绿灯 and state of every task of a plan, for the plan's task list. The overview's read model answers it, with
 * the same rule and the same rows as its own counts, so the two never disagree.
 */
public interface TaskStatuses {

  /** @param light RED, YELLOW or GREEN while open, DONE once closed */
  record Status(String light, String lightLabel, boolean ended) {}

  Map<Integer, Status> of(String planCode);
}
