package duban.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UnitController {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UnitView(String code, String name, List<String> aliases, String kind, String kindLabel, String email,
      List<String> members, Boolean needsDesignation) {}

  private final UnitDirectory directory;

  UnitController(UnitDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/api/units")
  List<UnitView> units() {
    return directory.all().stream().map(u -> new UnitView(
        u.code(), u.name(), u.aliases(), u.kind().name(), u.kind().label(), u.email(),
        u.isCollective() && !u.needsDesignation() ? u.members() : null,
        u.isCollective() ? u.needsDesignation() : null)).toList();
  }
}
