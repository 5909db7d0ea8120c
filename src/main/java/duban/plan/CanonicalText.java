package duban.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan written back in the text layout, whatever file it came from: what duban stores and parses again on every
 * start. Units are written as they were written in the table, so the directory resolves them again (with the aliases
 * added since); the plan year is kept as a 计划年度 line, since 年内 depends on it.
 */
final class CanonicalText {

  private static final List<String> HEADER = List.of("序号", "主要内容", "具体措施", "时间要求", "牵头单位", "配合单位");

  private CanonicalText() {}

  static String of(Plan plan, Integer year) {
    StringBuilder text = new StringBuilder();
    text.append(plan.title()).append('\n');
    if (year != null) {
      text.append("计划年度：").append(year).append('\n');
    }
    text.append('\n');
    row(text, HEADER);
    int section = -1;
    int item = -1;
    for (PlanTask task : plan.tasks()) {
      if (task.sectionNumber() != section) {
        section = task.sectionNumber();
        item = -1;
        int number = section;
        Section heading = plan.sections().stream().filter(s -> s.number() == number).findFirst().orElseThrow();
        row(text, List.of(ChineseNumerals.format(number) + "、" + heading.title()));
      }
      String itemCell = "";
      if (task.itemNumber() != item) {
        item = task.itemNumber();
        int number = item;
        Item heading = plan.items().stream().filter(i -> i.number() == number).findFirst().orElseThrow();
        itemCell = "（" + number + "）" + heading.title();
      }
      row(text, List.of(String.valueOf(task.number()), itemCell, task.measure(), task.timeRequirement(),
          names(task.leadUnits()), names(task.supportingUnits())));
    }
    return text.toString();
  }

  private static String names(List<UnitRef> refs) {
    return refs.stream().map(UnitRef::name).collect(Collectors.joining("、"));
  }

  private static void row(StringBuilder text, List<String> cells) {
    cells.forEach(cell -> text.append('\t').append(cell.replace('\t', ' ').replace('\n', ' ')).append('\n'));
    text.append('\n');
  }
}
