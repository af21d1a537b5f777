package io.comanda.events;

import io.comanda.architecture.SharedModuleArchitectureTests;

/** The event contracts: no package cycles, and none of the services or the tooling that use them. */
class ArchitectureTest extends SharedModuleArchitectureTests {

    ArchitectureTest() {
        super("io.comanda.events");
    }
}
