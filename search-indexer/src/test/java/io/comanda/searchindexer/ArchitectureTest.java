package io.comanda.searchindexer;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.comanda.architecture.ArchitectureRules;
import io.comanda.architecture.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The service as ports and adapters: its domain declares what it needs and imports neither its adapters
 * (api, messaging, persistence) nor their technologies; no package cycles; no other service or tooling.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses("io.comanda.searchindexer");
    private static final HexagonalArchitecture HEXAGON = HexagonalArchitecture.ofService("io.comanda.searchindexer")
            .domain("domain")
            .adapters("api", "messaging", "persistence");

    @Test
    void domainDoesNotDependOnAdapters() {
        HEXAGON.domainDoesNotDependOnAdapters().check(CLASSES);
    }

    @Test
    void domainIsFreeOfAdapterTechnologies() {
        HEXAGON.domainFreeOfAdapterTechnologies().check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noCycles("io.comanda.searchindexer").check(CLASSES);
    }

    @Test
    void importsNoOtherServiceNorTooling() {
        ArchitectureRules.servicesIndependent("io.comanda.searchindexer").check(CLASSES);
    }
}
