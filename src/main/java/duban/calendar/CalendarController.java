package duban.calendar;

import duban.engine.CurrentUser;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reading the working-day calendar (everyone) and adding or overriding days (administrators). */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  record DayView(String date, String type, String name, String source) {}

  record YearView(int year, boolean covered, List<DayView> days) {}

  record DayRequest(String type, String name) {}

  private static final int MAX_NAME_LENGTH = 100;
  private static final String BODY_HINT = "请求体应为 JSON，如 {\"type\":\"HOLIDAY\",\"name\":\"国庆节\"}，type 可选 HOLIDAY（放假）或 WORKDAY（上班）";

  private final WorkingCalendar calendar;
  private final CurrentUser currentUser;

  CalendarController(WorkingCalendar calendar, CurrentUser currentUser) {
    this.calendar = calendar;
    this.currentUser = currentUser;
  }

  @GetMapping("/{year}")
  YearView year(@PathVariable String year) {
    int value = parseYear(year);
    return new YearView(value, calendar.coveredYears().contains(value),
        calendar.daysOf(value).stream().map(CalendarController::view).toList());
  }

  @PutMapping("/days/{date}")
  DayView put(@PathVariable String date, @RequestBody(required = false) DayRequest body) {
    requireAdmin();
    LocalDate day = parseDate(date);
    if (body == null) {
      throw new IllegalArgumentException(BODY_HINT);
    }
    return view(calendar.override(new CalendarDay(day, DayType.parse(body.type()), cleanName(body.name()))));
  }

  @DeleteMapping("/days/{date}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String date) {
    requireAdmin();
    LocalDate day = parseDate(date);
    if (!calendar.removeOverride(day)) {
      throw new NotFoundException(day + " 没有管理员设置的记录；发布的节假日数据不能删除，可用 PUT 设置 HOLIDAY 或 WORKDAY 覆盖");
    }
  }

  /** Malformed JSON would otherwise get Spring's English error page. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("type", "InvalidRequest", "message", BODY_HINT));
  }

  private void requireAdmin() {
    if (!currentUser.isAdmin()) {
      throw new ForbiddenException("只有管理员可以修改工作日历");
    }
  }

  private static DayView view(WorkingCalendar.Entry entry) {
    CalendarDay day = entry.day();
    return new DayView(day.date().toString(), day.type().name(), day.name(),
        entry.source().name().toLowerCase(Locale.ROOT));
  }

  private static int parseYear(String text) {
    try {
      int year = Integer.parseInt(text.trim());
      if (year >= ShippedDays.FIRST_YEAR && year <= ShippedDays.LAST_YEAR) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "年份应为 " + ShippedDays.FIRST_YEAR + " 至 " + ShippedDays.LAST_YEAR + " 之间的整数，实为 " + text);
  }

  private static LocalDate parseDate(String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("日期格式错误：" + text + "，应为 yyyy-MM-dd，如 2026-10-01");
    }
    if (date.getYear() < ShippedDays.FIRST_YEAR || date.getYear() > ShippedDays.LAST_YEAR) {
      throw new IllegalArgumentException(
          "日期 " + date + " 超出支持范围：年份应在 " + ShippedDays.FIRST_YEAR + " 至 " + ShippedDays.LAST_YEAR + " 之间");
    }
    return date;
  }

  private static String cleanName(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String name = text.trim();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("名称不能超过 " + MAX_NAME_LENGTH + " 个字符");
    }
    return name;
  }
}
