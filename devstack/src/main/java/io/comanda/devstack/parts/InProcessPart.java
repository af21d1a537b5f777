package io.comanda.devstack.parts;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A part that runs inside this JVM and is ready once constructed (e.g. the Stripe emulator of a test
 * run): a name, an address and how it stops.
 */
public record InProcessPart(String name, String address, AutoCloseable stop) implements ManagedPart {

    @Override
    public Optional<Path> logFile() {
        return Optional.empty();
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + name + ": " + e.getMessage(), e);
        }
    }
}
