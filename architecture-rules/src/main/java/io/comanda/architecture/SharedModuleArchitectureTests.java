package io.comanda.architecture;

import org.junit.jupiter.api.Test;

/**
 * The rules a module the services build on holds (common-events, platform, the Stripe emulator), as tests
 * its {@code ArchitectureTest} inherits: no package cycles, and nothing of the services or the tooling.
 */
public abstract class SharedModuleArchitectureTests {

    private final String basePackage;

    protected SharedModuleArchitectureTests(String basePackage) {
        this.basePackage = basePackage;
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles(basePackage).check(ArchitectureRules.mainClasses(basePackage));
    }

    @Test
    void importsNoServiceNorTooling() {
        ArchitectureRules.sharedModuleIndependent(basePackage).check(ArchitectureRules.mainClasses(basePackage));
    }
}
