package io.comanda.stripe.emulator;

import java.util.Arrays;

/**
 * What an injected fault does to one {@code POST /v1/payment_intents}, named in the operator's JSON as
 * {@link #jsonName()}. The two ambiguous kinds execute the create, so a PaymentIntent exists (and money
 * moved, if its payment method succeeds) although the client cannot tell from the answer.
 */
public enum CreateFault {
    /** Answered as it would be without faults. */
    NONE("none"),
    /** Executes, then answers 500 {@code api_error}, stored under the key as its result and replayed. */
    EXECUTED_THEN_500("executedThen500"),
    /**
     * Executes at once, then holds the key executing for the hang time without answering (a retry with
     * the key meanwhile gets 409); the true result is then stored, replayed, and sent late.
     */
    EXECUTED_THEN_TIMEOUT("executedThenTimeout"),
    /** Fails once it runs without creating anything: a 500 stored under the key. */
    REFUSED_500("refused500"),
    /** A 429 before it runs: nothing is stored for its key, so a retry may succeed. */
    RATE_LIMITED("rateLimited");

    private final String jsonName;

    CreateFault(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean ambiguous() {
        return this == EXECUTED_THEN_500 || this == EXECUTED_THEN_TIMEOUT;
    }

    /** @throws IllegalArgumentException for a name no fault has */
    public static CreateFault ofJsonName(String name) {
        return Arrays.stream(values()).filter(fault -> fault.jsonName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name + "', expected one of "
                        + Arrays.stream(values()).map(CreateFault::jsonName).toList()));
    }
}
