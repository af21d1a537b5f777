package io.comanda.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.comanda.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The shared platform: no package cycles, and nothing of the services or the tooling that depend on it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses("io.comanda.platform");

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles("io.comanda.platform").check(CLASSES);
    }

    @Test
    void platformImportsNoServiceNorTooling() {
        ArchitectureRules.sharedModuleIndependent("io.comanda.platform").check(CLASSES);
    }
}
