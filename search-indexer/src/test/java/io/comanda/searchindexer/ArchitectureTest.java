package io.comanda.searchindexer;

import io.comanda.architecture.HexagonalArchitecture;
import io.comanda.architecture.ServiceArchitectureTests;

/**
 * The service as ports and adapters: its domain declares what it needs and imports neither its adapters
 * (api, messaging, persistence) nor their technologies; no package cycles; no other service or tooling.
 */
class ArchitectureTest extends ServiceArchitectureTests {

    ArchitectureTest() {
        super(HexagonalArchitecture.ofService("io.comanda.searchindexer")
                .domain("domain")
                .adapters("api", "messaging", "persistence"));
    }
}
