package io.comanda.stripe;

import io.comanda.architecture.SharedModuleArchitectureTests;

/** The Stripe emulator: no package cycles, and none of the services it stands in a provider for, nor the tooling. */
class ArchitectureTest extends SharedModuleArchitectureTests {

    ArchitectureTest() {
        super("io.comanda.stripe");
    }
}
