package duban;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package rules of README "Architecture", checked on the main classes. Each rule is also run once against a
 * deliberately broken set of classes ({@code duban.architecture.broken}) to show that it can fail.
 */
class ArchitectureTest {

  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("duban");

  /** Features depend downward; no two packages reach each other, however indirectly. */
  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /** Camunda's internal API is used in one place, so an engine upgrade re-checks one package. */
  static ArchRule engineInternalsOnlyIn(String root) {
    return noClasses().that().resideOutsideOfPackage(root + ".engine..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("Camunda's internal API belongs in " + root + ".engine");
  }

  /** {@code web} is the HTTP error shape only: every feature may use it, so it may use none. */
  static ArchRule webIsALeaf(String root) {
    return noClasses().that().resideInAPackage(root + ".web..")
        .should().dependOnClassesThat(
            DescribedPredicate.describe("are in another duban package", (JavaClass c) ->
                c.getPackageName().startsWith(root + ".") && !c.getPackageName().startsWith(root + ".web")));
  }

  /** Only HTTP adapters (controllers, servlet filters) and the HTTP packages see the servlet API. */
  static ArchRule servletOnlyInAdapters(String root) {
    return noClasses().that().resideOutsideOfPackages(root + ".security..", root + ".web..")
        .and().areNotAnnotatedWith(RestController.class)
        .and().areNotAnnotatedWith(Controller.class)
        .and().areNotAssignableTo(jakarta.servlet.Filter.class)
        .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
        .because("features take plain values; controllers and filters translate HTTP");
  }

  static final String BROKEN = "duban.architecture.broken";
  static final JavaClasses BROKEN_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(BROKEN);

  @Test
  void everyRuleFailsOnClassesThatBreakIt() {
    assertThat(noCycles(BROKEN).evaluate(BROKEN_CLASSES).getFailureReport().getDetails())
        .anyMatch(d -> d.contains("Cycle detected"));
    assertThat(engineInternalsOnlyIn(BROKEN).evaluate(BROKEN_CLASSES).getFailureReport().getDetails())
        .anyMatch(d -> d.contains("PlanRow") && d.contains("ClockUtil"));
    assertThat(webIsALeaf(BROKEN).evaluate(BROKEN_CLASSES).getFailureReport().getDetails())
        .anyMatch(d -> d.contains("Errors") && d.contains("PlanRow"));
    assertThat(servletOnlyInAdapters(BROKEN).evaluate(BROKEN_CLASSES).getFailureReport().getDetails())
        .anyMatch(d -> d.contains("PlanRow") && d.contains("HttpServletRequest"));
  }

  @Test
  void packagesHaveNoCycles() {
    noCycles("duban").check(MAIN);
  }

  @Test
  void onlyTheEnginePackageUsesCamundaInternals() {
    engineInternalsOnlyIn("duban").check(MAIN);
  }

  @Test
  void webImportsNoFeature() {
    webIsALeaf("duban").check(MAIN);
  }

  @Test
  void onlyHttpAdaptersUseTheServletApi() {
    servletOnlyInAdapters("duban").check(MAIN);
  }
}
