package io.comanda.platform;

import io.comanda.architecture.SharedModuleArchitectureTests;

/** The shared platform: no package cycles, and nothing of the services or the tooling that depend on it. */
class ArchitectureTest extends SharedModuleArchitectureTests {

    ArchitectureTest() {
        super("io.comanda.platform");
    }
}
