package io.comanda.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule builder against two tiny services: one well formed, one whose domain imports its adapter. */
class ArchitectureRulesTest {

    private static final String CLEAN = "io.comanda.architecture.fixture.clean";
    private static final String LEAKY = "io.comanda.architecture.fixture.leaky";

    // The fixtures are test classes, which mainClasses() leaves out on purpose.
    private static JavaClasses classes(String basePackage) {
        return new ClassFileImporter().importPackages(basePackage);
    }

    @Test
    void aDomainThatDeclaresItsPortPassesTheHexagonalRules() {
        assertThatCode(() -> HexagonalArchitecture.ofService(CLEAN).domain("domain").adapters("persistence")
                .check(classes(CLEAN))).doesNotThrowAnyException();
    }

    @Test
    void aDomainImportingItsAdapterIsCaught() {
        assertThatThrownBy(() -> HexagonalArchitecture.ofService(LEAKY).domain("domain").adapters("persistence")
                .domainDoesNotDependOnAdapters().check(classes(LEAKY)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderPlacement")
                .hasMessageContaining("OrderTable");
    }

    @Test
    void aDomainUsingAnAdapterTechnologyIsCaught() {
        assertThatThrownBy(() -> HexagonalArchitecture.ofService(LEAKY).domain("domain").adapters("persistence")
                .domainFreeOfAdapterTechnologies().check(classes(LEAKY)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderRows")
                .hasMessageContaining("java.sql.ResultSet")
                .hasMessageNotContaining("OrderPlacement");
    }

    @Test
    void packagesWithoutCyclesPass() {
        assertThatCode(() -> ArchitectureRules.noCycles(CLEAN).check(classes(CLEAN))).doesNotThrowAnyException();
    }

    @Test
    void aCycleBetweenTwoPackagesIsCaught() {
        assertThatThrownBy(() -> ArchitectureRules.noCycles(LEAKY).check(classes(LEAKY)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("domain")
                .hasMessageContaining("persistence");
    }

    @Test
    void aPackageImportingAnotherModulesPackageIsCaught() {
        assertThatThrownBy(() -> ArchitectureRules.doesNotDependOn(LEAKY + ".domain", LEAKY + ".persistence")
                .check(classes(LEAKY)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderTable");
        assertThatCode(() -> ArchitectureRules.doesNotDependOn(CLEAN, LEAKY).check(classes(CLEAN)))
                .doesNotThrowAnyException();
    }
}
