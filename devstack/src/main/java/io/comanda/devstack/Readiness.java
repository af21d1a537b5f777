package io.comanda.devstack;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a real probe of a part (a produce and consume, a SQL query, an HTTP answer) to pass. */
public final class Readiness {

    private static final long POLL_MILLIS = 250;

    private Readiness() {
    }

    /**
     * Polls {@code probe} until it returns true, {@code child} (if any) dies, or {@code timeout} passes.
     *
     * @throws IllegalStateException naming the part and its last failure when it never became ready
     */
    public static void await(String part, Duration timeout, ChildProcess child, Callable<Boolean> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (child != null) {
                child.requireAlive();
            }
            try {
                if (Boolean.TRUE.equals(probe.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + part, e);
            }
        }
        String where = child == null ? "" : "; see " + child.logFile();
        throw new IllegalStateException(part + " was not ready after " + timeout.toSeconds() + " s"
                + (last == null ? "" : " (last probe: " + last + ")") + where, last);
    }
}
