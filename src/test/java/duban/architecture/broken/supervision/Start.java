package duban.architecture.broken.supervision;

import duban.architecture.broken.plan.PlanRow;

/** The other half of a deliberate cycle; read only by {@code ArchitectureTest}. */
public class Start {

  PlanRow row;
}
