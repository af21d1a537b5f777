package io.comanda.stripe.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Stripe's idempotency semantics: the result of a request that began executing (a success, a decline,
 * a 500 alike) is stored with the request's parameters; the same key with the same parameters gets that
 * result again, with different parameters an {@code idempotency_error}. A request arriving while another
 * with the same key is still executing is a 409 {@code idempotency_error}, and stores nothing. A stored key
 * expires after the key TTL (at least 24 h at Stripe); the same key is then a new request. Keys are scoped
 * to the API key that sent them.
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

    /**
     * Runs {@code execution} once per key while the key lives; an execution that throws is stored as a 500.
     *
     * @return the stored result, a 400 idempotency_error when the parameters differ, or a 409
     *         idempotency_error while another request with the key is executing
     */
    Result execute(String apiKey, String idempotencyKey, Map<String, String> parameters, Supplier<Result> execution) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return execution.get();
        }
        String scoped = apiKey + "\n" + idempotencyKey;
        if (executing.putIfAbsent(scoped, Boolean.TRUE) != null) {
            return inProgress(idempotencyKey);
        }
        try {
            Stored stored = results.get(scoped);
            if (stored != null && !expired(stored)) {
                return stored.parameters().equals(parameters)
                        ? new Result(stored.status(), stored.body(), true) : misused(idempotencyKey);
            }
            Result result = run(execution);
            results.put(scoped, new Stored(Map.copyOf(parameters), result.status(), result.body(), clock.instant()));
            return result;
        } finally {
            executing.remove(scoped);
        }
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
