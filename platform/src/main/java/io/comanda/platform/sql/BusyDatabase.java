package io.comanda.platform.sql;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;

/**
 * Recognises the failures of a pool whose waiting is bounded ({@link BoundedConnectionWait}): too many
 * callers waiting, or one that waited past an acquire timeout (none by default, but a pool configured
 * with one). Both mean "busy now, retry soon"; neither says anything about the request.
 */
public final class BusyDatabase {

    // The Vert.x SQL client's own message for a caller that waited past the pool's connection timeout.
    private static final String ACQUIRE_TIMEOUT = "Timeout waiting for connection";

    private BusyDatabase() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectionPoolTooBusyException) {
                return true;
            }
            if (cause instanceof VertxException && ACQUIRE_TIMEOUT.equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
