package io.comanda.orders;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.comanda.architecture.ArchitectureRules;
import io.comanda.architecture.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The service as ports and adapters: its domain declares what it needs and imports neither its adapters
 * (api, messaging, persistence, gateway) nor their technologies; no package cycles; no other service or tooling.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses("io.comanda.orders");
    private static final HexagonalArchitecture HEXAGON = HexagonalArchitecture.ofService("io.comanda.orders")
            .domain("domain")
            .adapters("api", "messaging", "persistence", "gateway");

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
        ArchitectureRules.noCycles("io.comanda.orders").check(CLASSES);
    }

    @Test
    void importsNoOtherServiceNorTooling() {
        ArchitectureRules.servicesIndependent("io.comanda.orders").check(CLASSES);
    }

    @Test
    void idempotencyRaisesItsOwnExceptionsNotHttpProblems() {
        ArchitectureRules.doesNotDependOn("io.comanda.orders.idempotency", "io.comanda.platform.problem",
                "jakarta.ws.rs").check(CLASSES);
    }
}
