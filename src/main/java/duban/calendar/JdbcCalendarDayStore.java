package duban.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code duban_calendar_day} (see schema.sql). The column {@code day} is quoted: DAY is a keyword in H2 2.x,
 * and the quoted lower-case name is the same column PostgreSQL creates unquoted.
 */
@Repository
class JdbcCalendarDayStore implements CalendarDayStore {

  private final JdbcTemplate jdbc;

  JdbcCalendarDayStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<CalendarDay> all() {
    return jdbc.query("select \"day\", type, name from duban_calendar_day order by \"day\"", (rs, i) -> {
      LocalDate date = rs.getObject(1, LocalDate.class);
      String type = rs.getString(2);
      try {
        return new CalendarDay(date, DayType.valueOf(type), rs.getString(3));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("duban_calendar_day 中 " + date + " 的类型无效：" + type, e);
      }
    });
  }

  @Override
  public void save(CalendarDay day) {
    // Update-then-insert: portable between H2 and PostgreSQL, unlike MERGE / ON CONFLICT.
    if (update(day) == 0) {
      try {
        jdbc.update("insert into duban_calendar_day (\"day\", type, name) values (?, ?, ?)",
            day.date(), day.type().name(), day.name());
      } catch (DuplicateKeyException concurrentInsert) {
        update(day);
      }
    }
  }

  private int update(CalendarDay day) {
    return jdbc.update("update duban_calendar_day set type = ?, name = ? where \"day\" = ?",
        day.type().name(), day.name(), day.date());
  }

  @Override
  public boolean delete(LocalDate date) {
    return jdbc.update("delete from duban_calendar_day where \"day\" = ?", date) > 0;
  }
}
