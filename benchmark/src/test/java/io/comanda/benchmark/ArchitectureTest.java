package io.comanda.benchmark;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.comanda.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The benchmark programs: no package cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses("io.comanda.benchmark");

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles("io.comanda.benchmark").check(CLASSES);
    }
}
