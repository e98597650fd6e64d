package io.gatecast.controller.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The controller's packages form no cycles: a feature may use another, never both ways. A new cycle
 * fails here with the classes that make it, so it is broken when it is written, not in a later clean-up.
 */
class PackageCyclesTest {
  private static final JavaClasses CONTROLLER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.gatecast.controller");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("io.gatecast.controller.(*)..").should().beFreeOfCycles().check(CONTROLLER);
  }
}
