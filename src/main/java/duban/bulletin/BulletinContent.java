package duban.bulletin;

import duban.evaluation.Period;
import java.time.LocalDate;
import java.util.List;

/**
 * What a 情况通报 says, taken from the overview's figures and the evaluation at one moment; the document is written
 * from this alone.
 *
 * @param serial the bulletin's number within its plan (第 N 期)
 * @param corrects the serial of the bulletin this one corrects, or null
 */
record BulletinContent(String planCode, String planTitle, String issuingOffice, Period period, LocalDate asOf,
    int serial, Integer corrects, Totals totals, List<SectionLine> sections, List<OverdueLine> overdue,
    List<UnitLine> repeatedReturns, List<UnitLine> best, List<UnitLine> weakest, List<ClosedLine> closedSince,
    List<ExemptionLine> exemptions) {

  record Totals(int tasks, int done, int doneOnTime, int inProgress, int overdue, int extended, int tolerance) {}

  record SectionLine(String title, int tasks, int done, int inProgress, int overdue) {}

  record OverdueLine(int number, String title, List<String> leadUnits, int daysOverdue) {}

  /** A unit with a figure: returns, or a score. */
  record UnitLine(String code, String name, String figure) {}

  record ClosedLine(int number, String title, LocalDate closedOn) {}

  record ExemptionLine(int number, String title, String decision) {}
}
