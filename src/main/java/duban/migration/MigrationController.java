package duban.migration;

import duban.engine.CurrentUser;
import duban.web.ForbiddenException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Moving running instances onto a new process version: administrators only. */
@RestController
@RequestMapping("/api/migrations")
class MigrationController {

  private final Migrations migrations;
  private final CurrentUser currentUser;

  MigrationController(Migrations migrations, CurrentUser currentUser) {
    this.migrations = migrations;
    this.currentUser = currentUser;
  }

  @GetMapping("/versions")
  List<Map<String, Object>> versions(@RequestParam(required = false) String processKey) {
    requireAdmin();
    return migrations.versions(processKey);
  }

  @PostMapping("/plan")
  MigrationReport plan(@RequestBody(required = false) MigrationRequest request) {
    requireAdmin();
    return migrations.validate(required(request));
  }

  @PostMapping("/execute")
  ResponseEntity<Migrations.Started> execute(@RequestBody(required = false) MigrationRequest request) {
    requireAdmin();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(migrations.execute(required(request)));
  }

  @ExceptionHandler(MigrationRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(MigrationRefusedException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "MigrationRefused");
    body.put("message", e.getMessage());
    body.put("report", e.report());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("type", "InvalidRequest", "message",
        "请求体应为 JSON，如 {\"processKey\":\"TaskSupervisionProcess\",\"sourceVersion\":1,\"targetVersion\":2,"
            + "\"mappings\":{},\"variables\":{}}"));
  }

  private static MigrationRequest required(MigrationRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("缺少请求体：processKey、sourceVersion、targetVersion，可选 mappings、variables");
    }
    return request;
  }

  private void requireAdmin() {
    if (!currentUser.isAdmin()) {
      throw new ForbiddenException("只有系统管理员可以查看或执行流程版本迁移");
    }
  }
}
