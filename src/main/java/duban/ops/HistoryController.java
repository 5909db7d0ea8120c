package duban.ops;

import duban.engine.CurrentUser;
import duban.supervision.SupervisionProcess;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The office's history period and what the history of a plan holds: administrators and the supervision office. */
@RestController
@RequestMapping("/api")
class HistoryController {

  record TimeToLive(Integer days) {}

  private final HistoryRetention retention;
  private final HistoryReport report;
  private final CurrentUser currentUser;
  private final JdbcTemplate jdbc;

  HistoryController(HistoryRetention retention, HistoryReport report, CurrentUser currentUser, JdbcTemplate jdbc) {
    this.retention = retention;
    this.report = report;
    this.currentUser = currentUser;
    this.jdbc = jdbc;
  }

  @GetMapping("/history/time-to-live")
  Map<String, Object> timeToLive() {
    requireOffice();
    return Map.of("days", retention.timeToLiveDays());
  }

  @PutMapping("/history/time-to-live")
  Map<String, Object> change(@RequestBody(required = false) TimeToLive body) {
    requireOffice();
    if (body == null || body.days() == null) {
      throw new IllegalArgumentException("请求体应为 JSON，如 {\"days\": 3650}（历史保留天数）");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("days", body.days());
    retention.change(body.days()).ifPresent(batch -> answer.put("removalTimeBatch", batch.getId()));
    return answer;
  }

  @GetMapping("/plans/{code}/history")
  HistoryReport.Report history(@PathVariable String code) {
    requireOffice();
    if (jdbc.queryForObject("select count(*) from duban_plan where code = ?", Long.class, code) == 0) {
      throw new NotFoundException("没有编号为 " + code + " 的任务分工表");
    }
    return report.of(code);
  }

  private void requireOffice() {
    if (!currentUser.isAdmin() && !currentUser.inGroup(SupervisionProcess.SUPERVISION_GROUP)) {
      throw new ForbiddenException("只有系统管理员和督查室可以查看或设置历史保留期限");
    }
  }
}
