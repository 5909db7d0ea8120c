package duban.bulletin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cycle MONTHLY or QUARTERLY: the periods the schedule issues bulletins for
 * @param workingDayAfter the working day after a period's end on which its bulletin is issued (1 = the first)
 * @param issuingOffice the office named on the bulletin
 * @param checkInterval how often a node looks whether a bulletin is due
 */
@ConfigurationProperties("duban.bulletins")
record BulletinSettings(Cycle cycle, int workingDayAfter, String issuingOffice, Duration checkInterval) {

  enum Cycle { MONTHLY, QUARTERLY }
}
