package io.comanda.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.comanda.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The event contracts: no package cycles, and none of the services or the tooling that use them. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses("io.comanda.events");

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles("io.comanda.events").check(CLASSES);
    }

    @Test
    void eventContractsImportNoServiceNorTooling() {
        ArchitectureRules.sharedModuleIndependent("io.comanda.events").check(CLASSES);
    }
}
