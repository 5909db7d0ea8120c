package duban.bulletin;

import duban.calendar.WorkingCalendar;
import duban.evaluation.Period;
import duban.plan.Plan;
import duban.plan.PlanCatalog;
import duban.supervision.Today;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issues each plan's bulletin for the period just ended on the configured working day after it. Every node looks;
 * the archive's unique key on (plan, scheduled period) lets one of them issue it, and the other's attempt rolls back.
 */
@Component
class BulletinSchedule {

  private static final Logger log = LoggerFactory.getLogger(BulletinSchedule.class);
  static final String SYSTEM = "system";

  private final Bulletins bulletins;
  private final BulletinArchive archive;
  private final PlanCatalog catalog;
  private final WorkingCalendar calendar;
  private final BulletinSettings settings;
  private final JdbcTemplate jdbc;

  BulletinSchedule(Bulletins bulletins, BulletinArchive archive, PlanCatalog catalog, WorkingCalendar calendar,
      BulletinSettings settings, JdbcTemplate jdbc) {
    this.bulletins = bulletins;
    this.archive = archive;
    this.catalog = catalog;
    this.calendar = calendar;
    this.settings = settings;
    this.jdbc = jdbc;
  }

  @Scheduled(fixedDelayString = "${duban.bulletins.check-interval}", initialDelayString = "${duban.bulletins.check-interval}")
  void check() {
    for (Plan plan : catalog.all()) {
      try {
        issueIfDue(plan, Today.date());
      } catch (RuntimeException e) {
        log.warn("Bulletin of plan {} not issued; tried again in {}: {}", plan.code(), settings.checkInterval(),
            e.getMessage());
      }
    }
  }

  /** @return the period issued, if this call issued one */
  Optional<Period> issueIfDue(Plan plan, LocalDate today) {
    Period current = settings.cycle() == BulletinSettings.Cycle.MONTHLY ? Period.monthOf(today) : Period.quarterOf(today);
    Period ended = current.previous();
    LocalDate imported = jdbc.queryForObject("select imported_at from duban_plan where code = ?", Timestamp.class,
        plan.code()).toLocalDateTime().toLocalDate();
    if (ended.last().isBefore(imported) || today.isBefore(issueDay(ended))
        || archive.scheduled(plan.code(), ended.code())) {
      return Optional.empty();
    }
    try {
      bulletins.issue(plan.code(), ended, null, ended.code(), SYSTEM);
      log.info("Bulletin of plan {} for {} issued", plan.code(), ended.code());
      return Optional.of(ended);
    } catch (DuplicateKeyException e) {
      log.debug("Bulletin of plan {} for {} issued by another node", plan.code(), ended.code());
      return Optional.empty();
    }
  }

  LocalDate issueDay(Period period) {
    return calendar.plusWorkingDays(period.last(), settings.workingDayAfter());
  }
}
