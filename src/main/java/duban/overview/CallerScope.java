package duban.overview;

import duban.engine.CurrentUser;
import duban.supervision.SupervisionProcess;
import duban.unit.UnitDirectory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The supervision office, the joint-conference office and administrators see every task; unit staff their unit's. */
@Component
class CallerScope {

  private static final Set<String> OVERSEERS = Set.of(SupervisionProcess.SUPERVISION_GROUP,
      SupervisionProcess.JOINT_OFFICE_GROUP, "camunda-admin");

  private final CurrentUser currentUser;
  private final UnitDirectory directory;

  CallerScope(CurrentUser currentUser, UnitDirectory directory) {
    this.currentUser = currentUser;
    this.directory = directory;
  }

  Scope current() {
    List<String> groups = currentUser.groupIds();
    if (groups.stream().anyMatch(OVERSEERS::contains)) {
      return Scope.all();
    }
    return Scope.of(groups.stream().filter(g -> directory.byCode(g).isPresent()).collect(Collectors.toSet()));
  }
}
