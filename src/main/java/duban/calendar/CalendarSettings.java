package duban.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code duban.calendar}: where the holidays come from, and office hours as {@code HH:mm}. */
@ConfigurationProperties("duban.calendar")
record CalendarSettings(String location, String officeHoursStart, String officeHoursEnd) {

  OfficeHours officeHours() {
    return OfficeHours.parse(officeHoursStart, officeHoursEnd);
  }
}
