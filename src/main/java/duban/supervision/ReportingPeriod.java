package duban.supervision;

import java.time.LocalDate;

/** One reporting period of a 长期 task: its label, its dates, and when its report is due. */
record ReportingPeriod(String label, LocalDate start, LocalDate end, LocalDate dueDate) {}
