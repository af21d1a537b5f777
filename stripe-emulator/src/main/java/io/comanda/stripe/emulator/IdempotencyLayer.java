package io.comanda.stripe.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Stripe's idempotency semantics: the result of a request that began executing (a success, a decline,
 * a 500 alike) is stored with the request's parameters; the same key with the same parameters gets that
 * result again, with different parameters an {@code idempotency_error}. A request arriving while another
 * with the same key is still executing is a 409 {@code idempotency_error}, and stores nothing. A stored key
 * expires after the key TTL (at least 24 h at Stripe); the same key is then a new request. A request that
 * fails validation stores nothing either, and may be retried with its key. Keys are scoped to the API key
 * that sent them.
 */
final class IdempotencyLayer {

    /** How long Stripe keeps an idempotency key. */
    static final Duration DEFAULT_KEY_TTL = Duration.ofHours(24);

    /**
     * @param status HTTP status of the stored result
     * @param body   its JSON body
     */
    record Result(int status, String body, boolean replayed) {
    }

    private record Stored(Map<String, String> parameters, int status, String body, Instant at) {
    }

    /**
     * A request let through to execute: its key (null without one) is held executing until
     * {@link #complete} stores its result or {@link #release} lets it go.
     */
    record Execution(String scopedKey, Map<String, String> parameters) {
    }

    /** What {@link #begin} decides: an answer at once (a replay, a 409, a misused key), or an execution. */
    record Start(Optional<Result> answer, Execution execution) {
    }

    private final Map<String, Stored> results = new ConcurrentHashMap<>();
    private final Map<String, Boolean> executing = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration keyTtl = DEFAULT_KEY_TTL;

    IdempotencyLayer() {
        this(Clock.systemUTC());
    }

    IdempotencyLayer(Clock clock) {
        this.clock = clock;
    }

    Duration keyTtl() {
        return keyTtl;
    }

    /** A short TTL lets a test see, in seconds, what a client meets once Stripe has forgotten a key. */
    void keyTtl(Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the key TTL must not be negative: " + ttl);
        }
        keyTtl = ttl;
    }

    /** {@link #execute(String, String, Map, Supplier, Supplier)} for a request that cannot fail validation. */
    Result execute(String apiKey, String idempotencyKey, Map<String, String> parameters, Supplier<Result> execution) {
        return execute(apiKey, idempotencyKey, parameters, Optional::empty, execution);
    }

    /**
     * Runs {@code execution} once per key while the key lives; an execution that throws is stored as a 500.
     *
     * @param invalid the answer to a request that fails validation, stored for no key; empty when valid
     * @return the stored result, a 400 idempotency_error when the parameters differ, or a 409
     *         idempotency_error while another request with the key is executing
     */
    Result execute(String apiKey, String idempotencyKey, Map<String, String> parameters,
                   Supplier<Optional<Result>> invalid, Supplier<Result> execution) {
        Start start = begin(apiKey, idempotencyKey, parameters);
        if (start.answer().isPresent()) {
            return start.answer().get();
        }
        try {
            Optional<Result> refusal = invalid.get();
            if (refusal.isPresent()) {
                release(start.execution());
                return refusal.get();
            }
            Result result = run(execution);
            complete(start.execution(), result);
            return result;
        } catch (RuntimeException | Error e) {
            release(start.execution());
            throw e;
        }
    }

    /** Holds the key executing, or answers at once with its stored result or a conflict. */
    Start begin(String apiKey, String idempotencyKey, Map<String, String> parameters) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new Start(Optional.empty(), new Execution(null, parameters));
        }
        String scoped = scoped(apiKey, idempotencyKey);
        if (executing.putIfAbsent(scoped, Boolean.TRUE) != null) {
            return new Start(Optional.of(inProgress(idempotencyKey)), null);
        }
        Stored stored = results.get(scoped);
        if (stored != null && !expired(stored)) {
            executing.remove(scoped);
            return new Start(Optional.of(stored.parameters().equals(parameters)
                    ? new Result(stored.status(), stored.body(), true) : misused(idempotencyKey)), null);
        }
        return new Start(Optional.empty(), new Execution(scoped, Map.copyOf(parameters)));
    }

    /** Stores {@code result} as the key's, and lets the key go. */
    void complete(Execution execution, Result result) {
        if (execution.scopedKey() != null) {
            results.put(execution.scopedKey(), new Stored(execution.parameters(), result.status(), result.body(),
                    clock.instant()));
            executing.remove(execution.scopedKey());
        }
    }

    /** Lets the key go with nothing stored, as after a request that failed validation. */
    void release(Execution execution) {
        if (execution.scopedKey() != null) {
            executing.remove(execution.scopedKey());
        }
    }

    /** Forgets the stored results of these idempotency keys, for every API key, as Stripe prunes old keys. */
    int forget(Collection<String> idempotencyKeys) {
        Set<String> forgotten = Set.copyOf(idempotencyKeys);
        int before = results.size();
        results.keySet().removeIf(scoped -> forgotten.contains(scoped.substring(scoped.indexOf('\n') + 1)));
        return before - results.size();
    }

    /** Forgets every stored result. */
    int forgetAll() {
        int before = results.size();
        results.clear();
        return before;
    }

    private static String scoped(String apiKey, String idempotencyKey) {
        return apiKey + "\n" + idempotencyKey;
    }

    private boolean expired(Stored stored) {
        return !stored.at().plus(keyTtl).isAfter(clock.instant());
    }

    private static Result run(Supplier<Result> execution) {
        try {
            return execution.get();
        } catch (RuntimeException e) {
            return serverError();
        }
    }

    /** What Stripe answers when a request fails on its side once it has begun executing. */
    static Result serverError() {
        return new Result(500, StripeErrors.error("api_error", null,
                "An unknown error occurred while processing the request.").toString(), false);
    }

    private static Result misused(String idempotencyKey) {
        return new Result(400, StripeErrors.error("idempotency_error", null,
                "Keys for idempotent requests can only be used with the same parameters they were first "
                        + "used with. Try using a key other than '" + idempotencyKey
                        + "' if you meant to execute a different request.").toString(), false);
    }

    private static Result inProgress(String idempotencyKey) {
        return new Result(409, StripeErrors.error("idempotency_error", null,
                "There is currently another in-progress request using this Idempotent Key (that probably means "
                        + "you submitted twice, and the other request is still going through): " + idempotencyKey
                        + ". Please try again later.").toString(), false);
    }
}
