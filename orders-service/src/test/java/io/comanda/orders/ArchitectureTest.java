package io.comanda.orders;

import io.comanda.architecture.ArchitectureRules;
import io.comanda.architecture.HexagonalArchitecture;
import io.comanda.architecture.ServiceArchitectureTests;
import org.junit.jupiter.api.Test;

/**
 * The service as ports and adapters: its domain declares what it needs and imports neither its adapters
 * (api, messaging, persistence, gateway) nor their technologies; no package cycles; no other service or tooling.
 */
class ArchitectureTest extends ServiceArchitectureTests {

    ArchitectureTest() {
        super(HexagonalArchitecture.ofService("io.comanda.orders")
                .domain("domain")
                .adapters("api", "messaging", "persistence", "gateway"));
    }

    @Test
    void idempotencyRaisesItsOwnExceptionsNotHttpProblems() {
        ArchitectureRules.doesNotDependOn("io.comanda.orders.idempotency", "io.comanda.platform.problem",
                "jakarta.ws.rs").check(classes());
    }
}
