package duban.overview;

import duban.supervision.TaskStatus.TrafficLight;

/** What the overview counts a task as: its light while open, DONE once closed (办结销号 or 容错免责). */
public enum Status {
  RED("红灯"), YELLOW("黄灯"), GREEN("绿灯"), DONE("已办结");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static Status of(TrafficLight light) {
    return valueOf(light.name());
  }

  /** The status a filter names, by code (RED) or by its Chinese label (红灯); empty if it names none. */
  static java.util.Optional<Status> named(String name) {
    for (Status status : values()) {
      if (status.name().equalsIgnoreCase(name.strip()) || status.label.equals(name.strip())) {
        return java.util.Optional.of(status);
      }
    }
    return java.util.Optional.empty();
  }
}
