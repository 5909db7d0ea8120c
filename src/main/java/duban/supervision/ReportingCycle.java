package duban.supervision;

/** How often a 长期 task reports progress. */
public enum ReportingCycle {
  MONTHLY(1),
  QUARTERLY(3),
  HALF_YEARLY(6);

  final int months;

  ReportingCycle(int months) {
    this.months = months;
  }
}
