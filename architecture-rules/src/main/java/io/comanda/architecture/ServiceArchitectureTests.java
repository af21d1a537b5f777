package io.comanda.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The rules every service holds, as tests its {@code ArchitectureTest} inherits: the domain imports
 * neither its adapters nor their technologies, no package cycles, no other service nor the tooling.
 */
public abstract class ServiceArchitectureTests {

    private final HexagonalArchitecture hexagon;

    protected ServiceArchitectureTests(HexagonalArchitecture hexagon) {
        this.hexagon = hexagon;
    }

    /** The service's main classes. */
    protected JavaClasses classes() {
        return ArchitectureRules.mainClasses(hexagon.basePackage());
    }

    @Test
    void domainDoesNotDependOnAdapters() {
        hexagon.domainDoesNotDependOnAdapters().check(classes());
    }

    @Test
    void domainIsFreeOfAdapterTechnologies() {
        hexagon.domainFreeOfAdapterTechnologies().check(classes());
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles(hexagon.basePackage()).check(classes());
    }

    @Test
    void importsNoOtherServiceNorTooling() {
        ArchitectureRules.servicesIndependent(hexagon.basePackage()).check(classes());
    }
}
