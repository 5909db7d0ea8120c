package duban.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import duban.engine.CurrentUser;
import duban.engine.WithoutCaller;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UnitController {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UnitView(String code, String name, List<String> aliases, String kind, String kindLabel, String email,
      List<String> members, Boolean needsDesignation) {}

  /** The names to add; a bare JSON list is accepted as well. */
  record AliasRequest(List<String> aliases) {}

  private static final String SUPERVISION = "supervision";

  private final UnitDirectory directory;
  private final UnitRegistry registry;
  private final IdentityService identityService;

  UnitController(UnitDirectory directory, UnitRegistry registry, IdentityService identityService) {
    this.directory = directory;
    this.registry = registry;
    this.identityService = identityService;
  }

  @GetMapping("/api/units")
  List<UnitView> units() {
    return directory.all().stream().map(UnitController::view).toList();
  }

  @PostMapping("/api/units")
  @ResponseStatus(HttpStatus.CREATED)
  UnitView add(@RequestBody UnitRegistry.NewUnit request) {
    String by = requireMaintainer();
    return view(asSystem(() -> registry.add(request, by)));
  }

  @PutMapping("/api/units/{code}/aliases")
  UnitView aliases(@PathVariable String code, @RequestBody AliasRequest request) {
    String by = requireMaintainer();
    Unit unit = asSystem(() -> registry.addAliases(code, request.aliases(), by));
    if (unit == null) {
      throw new NotFoundException("没有代码为 " + code + " 的单位");
    }
    return view(unit);
  }

  /** The supervision office and admins maintain the directory; returns who is calling. */
  private String requireMaintainer() {
    CurrentUser caller = new CurrentUser(identityService);
    List<String> groups = caller.groupIds();
    if (!groups.contains(Groups.CAMUNDA_ADMIN) && !groups.contains(SUPERVISION)) {
      throw new ForbiddenException("只有督查室和管理员可以维护单位目录");
    }
    return caller.id();
  }

  /**
   * The office may maintain the directory (checked before); creating the unit's group, login and Tasklist access
   * needs rights in the engine that the office does not hold, so it runs with the caller set aside.
   */
  private <T> T asSystem(java.util.function.Supplier<T> work) {
    return WithoutCaller.call(identityService, work);
  }

  private static UnitView view(Unit u) {
    return new UnitView(u.code(), u.name(), u.aliases(), u.kind().name(), u.kind().label(), u.email(),
        u.isCollective() && !u.needsDesignation() ? u.members() : null,
        u.isCollective() ? u.needsDesignation() : null);
  }

  @ExceptionHandler(UnitRegistry.InvalidUnitException.class)
  ResponseEntity<Map<String, Object>> invalid(UnitRegistry.InvalidUnitException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidUnit");
    body.put("field", e.field);
    body.put("message", e.getMessage());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(UnitRegistry.UnitConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(UnitRegistry.UnitConflictException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "UnitConflict");
    body.put("message", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }
}
