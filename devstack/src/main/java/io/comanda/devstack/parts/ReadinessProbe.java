package io.comanda.devstack.parts;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * How a part proves it is ready: a real check (a record produced and read back, a SQL query, an HTTP
 * answer), polled until it passes or the time allowed runs out.
 *
 * @param within how long the part may take
 * @param check  true once the part serves; an exception counts as "not yet" and is reported if it lasts
 */
public record ReadinessProbe(Duration within, Callable<Boolean> check) {

    private static final long POLL_MILLIS = 250;

    /** Ready when {@code url} answers 200. */
    public static ReadinessProbe httpOk(String url, Duration within) {
        return new ReadinessProbe(within, () -> StackHttp.status(url) == 200);
    }

    /** Ready when something accepts connections on the loopback {@code port}. */
    public static ReadinessProbe listening(int port, Duration within) {
        return new ReadinessProbe(within, () -> Ports.inUse(port));
    }

    /** Polls the check until it passes or the time runs out, for something no part of this JVM runs. */
    public void await(String subject) {
        await(subject, null);
    }

    /**
     * Polls the check until it passes, {@code watched} dies, or the time runs out.
     *
     * @param subject what is awaited, for the message (a part, or e.g. a connector it runs)
     * @param watched the part whose death ends the wait at once, and whose log the message names; may be null
     * @throws IllegalStateException naming {@code subject}, the last failure of the check and the log
     */
    public void await(String subject, ManagedPart watched) {
        long deadline = System.nanoTime() + within.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (watched != null) {
                watched.requireRunning();
            }
            try {
                if (Boolean.TRUE.equals(check.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + subject, e);
            }
        }
        String where = watched == null ? "" : watched.logFile().map(log -> "; see " + log).orElse("");
        throw new IllegalStateException(subject + " was not ready after " + within.toSeconds() + " s"
                + (last == null ? "" : " (last probe: " + last + ")") + where, last);
    }
}
