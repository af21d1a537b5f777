package io.comanda.devstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.comanda.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The local stack: no package cycles between its rooms (which room may use which: {@link RoomsTest}). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses("io.comanda.devstack");

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles("io.comanda.devstack").check(CLASSES);
    }
}
