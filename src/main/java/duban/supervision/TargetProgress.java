package duban.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A target with what has been achieved against it: the latest value for a cumulative target, this year's periods
 * summed for a per-year one.
 *
 * @param achieved null while nothing has been reported (for a per-year target: nothing this year)
 * @param paceFrom the day the linear pace starts: the task's start, or 1 January for a per-year target
 * @param paceTo the day the target is due: its own date, else the task's deadline (for a per-year target the year's
 *     end at the latest); null when it has none (a 长期 cumulative target without a date)
 */
public record TargetProgress(int slot, Target target, BigDecimal achieved, LocalDate paceFrom, LocalDate paceTo) {

  /** achieved ÷ target, in percent; null while nothing has been reported. */
  public Double percent() {
    if (achieved == null || target.value().signum() == 0) {
      return null;
    }
    return achieved.multiply(BigDecimal.valueOf(100)).divide(target.value(), 1, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * How many points progress lags the linear pace from {@link #paceFrom} to {@link #paceTo} on {@code today}; null
   * where no pace applies: nothing reported yet, no due date, or a ceiling (≤) rather than a goal.
   */
  public Double lagPoints(LocalDate today) {
    Double percent = percent();
    if (percent == null || paceTo == null || "≤".equals(target.comparator())) {
      return null;
    }
    long total = ChronoUnit.DAYS.between(paceFrom, paceTo);
    long elapsed = ChronoUnit.DAYS.between(paceFrom, today);
    double pace = total <= 0 ? 100 : Math.max(0, Math.min(100, 100.0 * elapsed / total));
    return pace - Math.min(100, percent);
  }

  /** 目标 超过 400 家 · 完成 412 家（103.0%）, for the review and sign-off forms and the ledger. */
  public String line() {
    Double percent = percent();
    return target.label() + " · " + (achieved == null ? "尚未报送完成值"
        : (target.perYear() ? "本年度完成 " : "完成 ") + Target.plain(achieved) + " " + target.unit() + "（" + percent + "%）");
  }
}
