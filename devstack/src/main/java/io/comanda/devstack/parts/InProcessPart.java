package io.comanda.devstack.parts;

/**
 * A part that runs inside this JVM and is ready once constructed (e.g. the Stripe emulator of a test
 * run): a name, an address and how it stops.
 */
public record InProcessPart(String name, String address, AutoCloseable stop) implements ManagedPart {

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + name + ": " + e.getMessage(), e);
        }
    }
}
