package duban.plan;

/** A section heading such as {@code 一、建设创业创新平台，增强支撑能力。}; number 1 for 一. */
public record Section(int number, String title) {}
