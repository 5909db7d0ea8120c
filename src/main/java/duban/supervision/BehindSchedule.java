package duban.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Points a target's progress may lag its linear pace before the light turns yellow, and then red. */
@ConfigurationProperties("duban.targets.behind-schedule")
public record BehindSchedule(int yellowPoints, int redPoints) {

  public BehindSchedule {
    if (yellowPoints < 0 || redPoints < yellowPoints) {
      throw new IllegalArgumentException("duban.targets.behind-schedule: 须 0 ≤ yellow-points ≤ red-points，实为 "
          + yellowPoints + " 与 " + redPoints);
    }
  }
}
