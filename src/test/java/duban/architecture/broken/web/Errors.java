package duban.architecture.broken.web;

import duban.architecture.broken.plan.PlanRow;

/** A web class that imports a feature, on purpose; read only by {@code ArchitectureTest}. */
public class Errors {

  PlanRow row;
}
