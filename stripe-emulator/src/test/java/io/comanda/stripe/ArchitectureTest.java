package io.comanda.stripe;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.comanda.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The Stripe emulator: no package cycles, and none of the services it stands in for a provider of. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses("io.comanda.stripe");

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles("io.comanda.stripe").check(CLASSES);
    }

    @Test
    void emulatorImportsNoServiceNorTooling() {
        ArchitectureRules.sharedModuleIndependent("io.comanda.stripe").check(CLASSES);
    }
}
