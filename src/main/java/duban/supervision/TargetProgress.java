package duban.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A target with what has been achieved against it: the latest value for a cumulative target, this year's periods
 * summed for a per-year one.
 *
 * @param achieved null while nothing has been reported (for a per-year target: nothing this year); in a broken-down
 *     task the members' values summed
 * @param paceFrom the day the linear pace starts: the task's start, or 1 January for a per-year target
 * @param paceTo the day the target is due: its own date, else the task's deadline (for a per-year target the year's
 *     end at the latest); null when it has none (a 长期 cumulative target without a date)
 * @param members in a broken-down task, each member's own progress against the same target, every member listed
 *     (those that have not reported with a null value); empty where one unit reports for all
 */
public record TargetProgress(int slot, Target target, BigDecimal achieved, LocalDate paceFrom, LocalDate paceTo,
    List<Member> members) {

  /** One member's own values against the target. */
  public record Member(String unit, String name, TargetProgress progress) {}

  public TargetProgress(int slot, Target target, BigDecimal achieved, LocalDate paceFrom, LocalDate paceTo) {
    this(slot, target, achieved, paceFrom, paceTo, List.of());
  }

  /** Each member is judged against the target on its own (每个区县…), not the members' sum. */
  public boolean perMember() {
    return !members.isEmpty() && target.perMember();
  }

  /**
   * achieved ÷ target, in percent; null while nothing has been reported. For a per-member target, the members'
   * average with each member counted at most 100% and a member that has not reported at 0: one district's surplus
   * does not make up for another's shortfall.
   */
  public Double percent() {
    if (perMember()) {
      if (members.stream().allMatch(m -> m.progress().achieved() == null)) {
        return null;
      }
      double sum = members.stream().map(m -> m.progress().percent()).mapToDouble(p -> p == null ? 0 : Math.min(100, p))
          .sum();
      return BigDecimal.valueOf(sum / members.size()).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
    if (achieved == null || target.value().signum() == 0) {
      return null;
    }
    return achieved.multiply(BigDecimal.valueOf(100)).divide(target.value(), 1, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * How many points progress lags the linear pace from {@link #paceFrom} to {@link #paceTo} on {@code today}; null
   * where no pace applies: nothing reported yet, no due date, or a ceiling (≤) rather than a goal. For a per-member
   * target, the member furthest behind.
   */
  public Double lagPoints(LocalDate today) {
    if (perMember()) {
      return members.stream().map(m -> m.progress().lagPoints(today)).filter(java.util.Objects::nonNull)
          .max(Double::compare).orElse(null);
    }
    Double percent = percent();
    if (percent == null || paceTo == null || "≤".equals(target.comparator())) {
      return null;
    }
    long total = ChronoUnit.DAYS.between(paceFrom, paceTo);
    long elapsed = ChronoUnit.DAYS.between(paceFrom, today);
    double pace = total <= 0 ? 100 : Math.max(0, Math.min(100, 100.0 * elapsed / total));
    return pace - Math.min(100, percent);
  }

  /** Whether the value reported meets the target: 超过 strictly, 不超过 as a ceiling, otherwise at least the value. */
  public boolean met() {
    if (achieved == null) {
      return false;
    }
    int c = achieved.compareTo(target.value());
    return switch (target.comparator()) {
      case ">" -> c > 0;
      case "≤" -> c <= 0;
      default -> c >= 0;
    };
  }

  /**
   * 目标 超过 400 家 · 完成 412 家（103.0%）, for the review and sign-off forms and the ledger. A per-member target reads
   * how many members meet it and names those that do not yet.
   */
  public String line() {
    if (perMember()) {
      List<Member> short_ = members.stream().filter(m -> !m.progress().met()).toList();
      long met = members.size() - short_.size();
      return target.label() + "（每个成员单位）· 达标 " + met + "/" + members.size() + " 个单位，平均进度 "
          + (percent() == null ? "—" : percent() + "%")
          + (short_.isEmpty() ? "" : "；未达标：" + short_.stream().map(m -> m.name() + (m.progress().achieved() == null
              ? "（未报送）" : "（" + Target.plain(m.progress().achieved()) + " " + target.unit() + "）"))
              .collect(Collectors.joining("、")));
    }
    Double percent = percent();
    return target.label() + (members.isEmpty() ? "" : "（各成员单位合计）") + " · " + (achieved == null ? "尚未报送完成值"
        : (target.perYear() ? "本年度完成 " : "完成 ") + Target.plain(achieved) + " " + target.unit() + "（" + percent + "%）");
  }

  /** Each member's own line, for the sign-off form: 历下区政府：完成 2 家（100.0%）. */
  public List<String> memberLines() {
    return members.stream().map(m -> {
      TargetProgress p = m.progress();
      return m.name() + "：" + (p.achieved() == null ? "尚未报送完成值"
          : (target.perYear() ? "本年度完成 " : "完成 ") + Target.plain(p.achieved()) + " " + target.unit()
              + (perMember() ? "（" + p.percent() + "%）" : ""));
    }).toList();
  }

  /**
   * For one member's review: its own value against the target (per member), or its contribution and the members'
   * total (whole task). Where one unit reports for all, {@link #line()}.
   */
  public String lineFor(String unit) {
    TargetProgress own = of(unit);
    if (own == null) {
      return line();
    }
    String value = own.achieved() == null ? "本单位尚未报送完成值"
        : (target.perYear() ? "本单位本年度完成 " : "本单位完成 ") + Target.plain(own.achieved()) + " " + target.unit();
    if (perMember()) {
      return target.label() + "（每个成员单位）· " + value + (own.achieved() == null ? "" : "（" + own.percent() + "%）");
    }
    return target.label() + "（各成员单位合计）· " + value + (achieved == null ? ""
        : "；合计 " + Target.plain(achieved) + " " + target.unit() + "（" + percent() + "%）");
  }

  /** This member's own progress, or null if it is not one of the task's members. */
  public TargetProgress of(String unit) {
    return members.stream().filter(m -> m.unit().equals(unit)).map(Member::progress).findFirst().orElse(null);
  }
}
