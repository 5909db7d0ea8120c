package duban.supervision;

import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Shows unit codes the way staff write them: the short written name (市发展改革委), not the code. */
@Component
class UnitNames {

  private final UnitDirectory directory;

  UnitNames(UnitDirectory directory) {
    this.directory = directory;
  }

  String of(String code) {
    return directory.byCode(code).map(UnitNames::shortName).orElse(code);
  }

  String of(List<String> codes) {
    return codes.stream().map(this::of).collect(Collectors.joining("、"));
  }

  boolean isConcreteUnit(String code) {
    return directory.byCode(code).filter(u -> !u.isCollective()).isPresent();
  }

  /** Options for a Camunda Forms select or taglist: every concrete unit of the directory. */
  List<java.util.Map<String, String>> options() {
    return directory.concreteUnits().stream()
        .map(u -> java.util.Map.of("label", shortName(u) + "（" + u.code() + "）", "value", u.code()))
        .toList();
  }

  static String shortName(Unit unit) {
    return unit.shortName();
  }
}
