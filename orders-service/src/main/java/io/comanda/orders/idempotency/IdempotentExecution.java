package io.comanda.orders.idempotency;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The rules that run a request's work at most once per customer and idempotency key, in one
 * transaction with the record of its response:
 * <ol>
 *   <li>a transaction-scoped advisory lock on the key, taken without waiting: held by another
 *       request means that request is in flight (409);</li>
 *   <li>a live record of the key: the same request replays the stored response; a different one is
 *       refused (422);</li>
 *   <li>otherwise the work runs and its response is stored, committing with the work's writes.</li>
 * </ol>
 * If the work fails, everything rolls back and the key stays free for a corrected retry. The caller
 * runs the statements; this class decides.
 */
@ApplicationScoped
public class IdempotentExecution {

    private final IdempotencyConfig config;

    public IdempotentExecution(IdempotencyConfig config) {
        this.config = config;
    }

    /**
     * @param locked      whether the request holds its key's lock
     * @param existing    the key's live record, read while holding the lock
     * @param requestHash the {@link RequestFingerprint} of the request
     * @return the stored response to replay, or empty when the work should run
     * @throws IdempotencyKeyInFlightException when the key is in flight
     * @throws IdempotencyKeyReusedException   when it was used for another request
     */
    public Optional<IdempotentResponse> replayOrRefuse(boolean locked, Optional<IdempotencyRecord> existing, String requestHash) {
        if (!locked) {
            throw inFlight();
        }
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (!existing.get().matches(requestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(new IdempotentResponse(existing.get().response(), true));
    }

    /** The record to store with the work's writes, remembered for the configured retention. */
    public NewIdempotencyRecord recordOf(IdempotencyKey key, String requestHash, StoredResponse response) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new NewIdempotencyRecord(key.value(), requestHash, response, now, now.plus(config.retention()));
    }

    /**
     * The answer when the record could not be stored because a request with the same key committed
     * its own meanwhile: this one's work must roll back, and a retry replays the other's response.
     */
    public IdempotencyKeyInFlightException inFlight() {
        return new IdempotencyKeyInFlightException();
    }
}
