package io.comanda.e2e;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.comanda.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end tests have no main code; what holds for them is that they drive the system as a client
 * would, through its commands, HTTP and topics, never through a service's own classes.
 */
class ArchitectureTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.comanda.e2e");

    @Test
    void testsUseNoServicesClasses() {
        ArchitectureRules.doesNotDependOn("io.comanda.e2e", ArchitectureRules.SERVICES.toArray(String[]::new))
                .because("a test that reaches into a service proves what the service's code says, not what a client sees")
                .check(TESTS);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles("io.comanda.e2e").check(TESTS);
    }
}
