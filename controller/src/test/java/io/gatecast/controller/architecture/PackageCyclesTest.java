package io.gatecast.controller.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The controller's packages form no cycles: a feature may use another, never both ways. A new cycle
 * fails here with the classes that make it, so it is broken when it is written, not in a later clean-up.
 *
 * <p>A feature is a folder ({@code screens}, {@code organisation}, ...) holding its records, repository
 * and service, with its HTTP routes in a sub-package {@code api}. Routes are the outer ring: they may
 * show what several features know (a screen with its health and its last delivery), so they sit above
 * every feature core, and only the wiring in the root package builds them.
 */
class PackageCyclesTest {
  private static final JavaClasses CONTROLLER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.gatecast.controller");

  @Test
  void featureCoresHaveNoCycles() {
    slices().matching("io.gatecast.controller.(*)..").should().beFreeOfCycles()
        .check(CONTROLLER.that(not(resideInAPackage("..api.."))));
  }

  @Test
  void noPackageIsInACycleRoutesIncluded() {
    slices().matching("io.gatecast.controller.(**)").should().beFreeOfCycles().check(CONTROLLER);
  }

  /**
   * Repositories are built once, by the composition root ({@code Repositories}), and handed to the
   * services and routes through their constructors; nothing outside the root package builds one.
   */
  @Test
  void onlyTheRootBuildsRepositories() {
    noClasses().that().resideOutsideOfPackage("io.gatecast.controller")
        .should().callConstructorWhere(describe("the target is a repository",
            call -> call.getTargetOwner().getSimpleName().endsWith("Repository")))
        .check(CONTROLLER);
  }

  /**
   * Routes parse, call one service, render: the database is behind the services, so no route opens a
   * transaction or reads a table itself.
   */
  @Test
  void routesDoNotReachTheDatabase() {
    noClasses().that().resideInAPackage("io.gatecast.controller..api..")
        .should().dependOnClassesThat().resideInAPackage("io.gatecast.controller.store..")
        .check(CONTROLLER);
  }

  @Test
  void onlyRoutesAndTheWiringUseRoutes() {
    noClasses().that().resideOutsideOfPackages("..api..", "io.gatecast.controller")
        .should().dependOnClassesThat().resideInAPackage("io.gatecast.controller..api..")
        .check(CONTROLLER);
  }
}
