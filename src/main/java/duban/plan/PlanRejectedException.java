package duban.plan;

import java.util.List;

/** A table the import refuses: its problems, and the unit names the directory does not know. */
public class PlanRejectedException extends PlanFormatException {

  private final transient Reading reading;

  PlanRejectedException(Reading reading) {
    super(reading.problems());
    this.reading = reading;
  }

  List<Reading.UnknownUnit> unknownUnits() {
    return reading.unknownUnits();
  }

  Reading reading() {
    return reading;
  }
}
