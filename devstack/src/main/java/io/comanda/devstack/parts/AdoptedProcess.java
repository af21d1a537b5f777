package io.comanda.devstack.parts;

import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * A part that is an OS process another class loader of this JVM started, known by its PID alone: what a
 * test that stops a shared part has in hand (see {@link ManagedPart#ofPid}).
 */
record AdoptedProcess(String name, String address, long processId, LongConsumer stop) implements ManagedPart {

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(processId);
    }

    @Override
    public void close() {
        stop.accept(processId);
    }
}
