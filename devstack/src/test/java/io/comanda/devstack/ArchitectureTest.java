package io.comanda.devstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.comanda.architecture.ArchitectureRules;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The local stack: no package cycles between its rooms. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses("io.comanda.devstack");

    // Fails today, as it should: the cli and faults packages import each other (ChaosCommand reads
    // FaultSettings, the fault suite uses the CLI's StackPorts). Enabled once devstack is split into rooms.
    @Disabled("cycle cli <-> faults, removed by the devstack rooms of issue 21")
    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles("io.comanda.devstack").check(CLASSES);
    }
}
