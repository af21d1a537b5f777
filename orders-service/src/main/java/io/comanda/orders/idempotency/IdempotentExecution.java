package io.comanda.orders.idempotency;

import io.comanda.platform.problem.ProblemException;
import io.comanda.platform.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Runs a request's work at most once per customer and idempotency key, in one transaction with the
 * record of its response:
 * <ol>
 *   <li>a transaction-scoped advisory lock on the key, taken without waiting: held by another
 *       request means that request is in flight (409);</li>
 *   <li>a live record of the key: the same request replays the stored response; a different one is
 *       refused (422);</li>
 *   <li>otherwise the work runs and its response is stored, committing with the work's writes.</li>
 * </ol>
 * If the work fails, everything rolls back and the key stays free for a corrected retry.
 */
@ApplicationScoped
public class IdempotentExecution {

    private final IdempotencyStore store;

    public IdempotentExecution(IdempotencyStore store) {
        this.store = store;
    }

    /**
     * @param requestHash the {@link RequestFingerprint} of the request
     * @param work        the request's effect, run in this transaction; its response is stored
     */
    public Uni<Outcome> execute(String customerId, IdempotencyKey key, String requestHash,
                                Supplier<Uni<StoredResponse>> work) {
        return Panache.withTransaction(() -> store.tryLock(customerId, key)
                .chain(locked -> {
                    if (!locked) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                                "A request with this Idempotency-Key is still being processed; retry shortly "
                                        + "with the same key to get its result.");
                    }
                    return store.findLive(customerId, key);
                })
                .chain(existing -> {
                    if (existing.isPresent()) {
                        if (!existing.get().matches(requestHash)) {
                            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                                    "This Idempotency-Key was already used for a different request; use a new "
                                            + "key for a new order.");
                        }
                        return Uni.createFrom().item(new Outcome(existing.get().response(), true));
                    }
                    return work.get().call(response -> store.save(customerId, key, requestHash, response,
                                    Instant.now().truncatedTo(ChronoUnit.MICROS)))
                            .map(response -> new Outcome(response, false));
                }));
    }

    /**
     * @param response the response to send
     * @param replayed whether it is a stored response given again
     */
    public record Outcome(StoredResponse response, boolean replayed) {
    }
}
