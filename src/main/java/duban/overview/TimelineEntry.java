package duban.overview;

import java.time.LocalDateTime;

/** One line of a task's timeline: when, what kind of step, who (user and unit) and what. */
public record TimelineEntry(String planCode, int number, String processInstanceId, LocalDateTime at, String kind,
    String actor, String unit, String what) {}
