package io.comanda.stripe.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Stripe's idempotency semantics: the first result for a key (success or error) is stored with the
 * request's parameters; the same key with the same parameters gets that result again, with different
 * parameters an {@code idempotency_error}. Keys are scoped to the API key that sent them.
 */
final class IdempotencyLayer {

    /**
     * @param status HTTP status of the stored result
     * @param body   its JSON body
     */
    record Result(int status, String body, boolean replayed) {
    }

    private record Stored(Map<String, String> parameters, int status, String body) {
    }

    private final Map<String, Stored> results = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * Runs {@code execution} once per key; concurrent requests with one key wait for the first.
     *
     * @return the stored result, or a 400 idempotency_error when the parameters differ
     */
    Result execute(String apiKey, String idempotencyKey, Map<String, String> parameters, Supplier<Result> execution) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return execution.get();
        }
        String scoped = apiKey + "\n" + idempotencyKey;
        synchronized (locks.computeIfAbsent(scoped, k -> new Object())) {
            Optional<Stored> stored = Optional.ofNullable(results.get(scoped));
            if (stored.isPresent()) {
                if (!stored.get().parameters().equals(parameters)) {
                    return new Result(400, StripeErrors.error("idempotency_error", null,
                            "Keys for idempotent requests can only be used with the same parameters they were first "
                                    + "used with. Try using a key other than '" + idempotencyKey
                                    + "' if you meant to execute a different request.").toString(), false);
                }
                return new Result(stored.get().status(), stored.get().body(), true);
            }
            Result result = execution.get();
            results.put(scoped, new Stored(Map.copyOf(parameters), result.status(), result.body()));
            return result;
        }
    }
}
