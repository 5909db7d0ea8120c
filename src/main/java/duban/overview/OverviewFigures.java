package duban.overview;

import duban.plan.Plan;
import duban.plan.PlanTask;
import duban.plan.Section;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The figures of the 督办总览 for the tasks a caller sees.
 *
 * @param byUnit lead units only, as completion rates are counted in practice; co-leads count as lead units
 * @param supportingUnits the supporting units, listed apart and not rated
 */
public record OverviewFigures(String planCode, String planTitle, LocalDate asOf, int tasks,
    Map<Status, Integer> byStatus, Map<String, Integer> byStage, List<SectionFigures> bySection, List<UnitFigures> byUnit,
    List<UnitFigures> supportingUnits, List<Listed> dueSoon, List<Listed> overdue) {

  public record SectionFigures(int number, String title, int tasks, Map<Status, Integer> byStatus) {}

  /**
   * @param onTimeRate done on time ÷ (done + overdue), the tasks whose time has come; null while there are none
   */
  public record UnitFigures(String code, String name, int tasks, int done, int doneOnTime, int overdue, int returns,
      Double onTimeRate) {}

  public record Listed(int number, String title, List<String> leadUnits, LocalDate dueDate, int days) {}

  static OverviewFigures of(Plan plan, List<OverviewTask> tasks, Scope scope, UnitDirectory directory, int warningDays,
      LocalDate today) {
    Map<Integer, PlanTask> planTasks = new LinkedHashMap<>();
    plan.tasks().forEach(t -> planTasks.put(t.number(), t));
    List<SectionFigures> sections = new ArrayList<>();
    for (Section section : plan.sections()) {
      List<OverviewTask> in = tasks.stream()
          .filter(t -> planTasks.containsKey(t.number())
              && planTasks.get(t.number()).sectionNumber() == section.number())
          .toList();
      sections.add(new SectionFigures(section.number(), section.title(), in.size(), countByStatus(in)));
    }
    Map<String, Integer> byStage = new LinkedHashMap<>();
    tasks.forEach(t -> byStage.merge(t.stage().label(), 1, Integer::sum));
    return new OverviewFigures(plan.code(), plan.title(), today, tasks.size(), countByStatus(tasks), byStage, sections,
        units(tasks, scope, directory, t -> t.stored().leadUnits()),
        units(tasks, scope, directory, t -> t.stored().supportingUnits()),
        tasks.stream().filter(t -> t.status() != Status.DONE && t.status() != Status.RED && !t.stored().awaitingReview()
                && t.daysLeft() != null && t.daysLeft() >= 0 && t.daysLeft() <= warningDays)
            .sorted(Comparator.comparing(OverviewTask::daysLeft).thenComparing(OverviewTask::number))
            .map(t -> listed(t, directory, t.daysLeft())).toList(),
        tasks.stream().filter(t -> t.status() == Status.RED)
            .sorted(Comparator.comparing(OverviewTask::daysOverdue).reversed().thenComparing(OverviewTask::number))
            .map(t -> listed(t, directory, t.daysOverdue())).toList());
  }

  static Map<Status, Integer> countByStatus(List<OverviewTask> tasks) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0);
    }
    tasks.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
    return counts;
  }

  private static List<UnitFigures> units(List<OverviewTask> tasks, Scope scope, UnitDirectory directory,
      java.util.function.Function<OverviewTask, List<String>> unitsOf) {
    Map<String, List<OverviewTask>> byUnit = new LinkedHashMap<>();
    for (OverviewTask task : tasks) {
      for (String unit : unitsOf.apply(task)) {
        if (scope.seesUnit(unit)) {
          byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(task);
        }
      }
    }
    List<UnitFigures> figures = new ArrayList<>();
    byUnit.forEach((unit, its) -> {
      int done = count(its, t -> t.status() == Status.DONE);
      int onTime = count(its, OverviewTask::doneOnTime);
      int overdue = count(its, t -> t.status() == Status.RED);
      int returns = its.stream().mapToInt(t -> returnsOf(t, unit)).sum();
      Double rate = done + overdue == 0 ? null : Math.round(1000.0 * onTime / (done + overdue)) / 1000.0;
      figures.add(new UnitFigures(unit, name(directory, unit), its.size(), done, onTime, overdue, returns, rate));
    });
    figures.sort(Comparator.comparing(UnitFigures::overdue).reversed().thenComparing(UnitFigures::code));
    return figures;
  }

  /**
   * The task's returns that were the unit's: a returned part counts against its member. A row from before the
   * returned units were kept counts every return against the primary lead, as it did then.
   */
  static int returnsOf(OverviewTask task, String unit) {
    List<String> returned = task.stored().returnedUnits();
    if (returned.isEmpty()) {
      return unit.equals(task.primaryLeadUnit()) ? task.stored().reviewRounds() : 0;
    }
    return (int) returned.stream().filter(unit::equals).count();
  }

  private static int count(List<OverviewTask> tasks, Predicate<OverviewTask> which) {
    return (int) tasks.stream().filter(which).count();
  }

  private static Listed listed(OverviewTask t, UnitDirectory directory, int days) {
    return new Listed(t.number(), t.stored().title(),
        t.stored().leadUnits().stream().map(u -> name(directory, u)).toList(), t.dueDate(), days);
  }

  static String name(UnitDirectory directory, String code) {
    return directory.byCode(code).map(Unit::shortName).orElse(code);
  }
}
