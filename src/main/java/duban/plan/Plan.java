package duban.plan;

import java.util.List;

/** A task-division table (任务分工表) as parsed: its sections, items and numbered tasks. */
public record Plan(String code, String title, List<Section> sections, List<Item> items, List<PlanTask> tasks) {

  public Plan {
    sections = List.copyOf(sections);
    items = List.copyOf(items);
    tasks = List.copyOf(tasks);
  }
}
