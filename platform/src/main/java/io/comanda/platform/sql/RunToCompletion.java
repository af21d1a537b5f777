package io.comanda.platform.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs a unit of Hibernate Reactive work to its end even when its caller goes away.
 * <p>
 * Quarkus REST cancels a request's {@code Uni} when its client disconnects or gives up, which clients
 * under load do at any moment, also while a session is still waiting for its connection. A connection
 * that arrives for a session whose opening was cancelled is then neither used nor closed, and stays
 * leased for the life of the process (a known Hibernate Reactive and Quarkus problem): a half-hour soak
 * lost orders-service's whole pool that way, and with it every request. Work started here is subscribed
 * apart from its caller: a cancellation only drops the result, the session opens, works and closes as if
 * the caller had waited. Plain SQL on the pool needs none of this: a query holds its connection only
 * until the query completes, whoever still waits for it.
 */
public final class RunToCompletion {

    private RunToCompletion() {
    }

    /** The work, subscribed once per subscription to the result, and never cancelled by it. */
    public static <T> Uni<T> of(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> work.get().subscribe().with(emitter::complete, emitter::fail));
    }

    /** The work in a Hibernate Reactive session of its own, which closes whether or not the caller waits. */
    public static <T> Uni<T> inSession(Supplier<Uni<T>> work) {
        return of(() -> Panache.withSession(work));
    }
}
