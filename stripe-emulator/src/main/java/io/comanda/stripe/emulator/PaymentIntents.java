package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Creating (and confirming) and retrieving PaymentIntents, as {@code /v1/payment_intents} does. */
final class PaymentIntents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ledger ledger;

    PaymentIntents(Ledger ledger) {
        this.ledger = ledger;
    }

    IdempotencyLayer.Result create(Map<String, String> parameters) {
        Optional<IdempotencyLayer.Result> invalid = validate(parameters);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String paymentMethod = parameters.get("payment_method");
        boolean confirm = "true".equals(parameters.get("confirm"));
        Optional<TestPaymentMethods.Outcome> outcome = paymentMethod == null
                ? Optional.empty() : TestPaymentMethods.of(paymentMethod);
        if (paymentMethod != null && outcome.isEmpty()) {
            ObjectNode error = StripeErrors.error("invalid_request_error", "resource_missing",
                    "No such PaymentMethod: '" + paymentMethod + "'");
            ((ObjectNode) error.get("error")).put("param", "payment_method");
            return new IdempotencyLayer.Result(400, error.toString(), false);
        }

        ObjectNode intent = JSON.createObjectNode();
        intent.put("id", "pi_" + randomId());
        intent.put("object", "payment_intent");
        intent.put("amount", Long.parseLong(parameters.get("amount")));
        intent.put("currency", parameters.get("currency").toLowerCase(Locale.ROOT));
        intent.put("created", Instant.now().getEpochSecond());
        intent.put("livemode", false);
        intent.put("payment_method", paymentMethod);
        ObjectNode metadata = intent.putObject("metadata");
        parameters.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        if (!confirm || outcome.isEmpty()) {
            intent.put("status", paymentMethod == null ? "requires_payment_method" : "requires_confirmation");
            ledger.record(intent);
            return new IdempotencyLayer.Result(200, intent.toString(), false);
        }
        if (outcome.get().succeeds()) {
            intent.put("status", "succeeded");
            intent.put("amount_received", intent.path("amount").asLong());
            intent.put("latest_charge", "ch_" + randomId());
            ledger.record(intent);
            return new IdempotencyLayer.Result(200, intent.toString(), false);
        }
        intent.put("status", "requires_payment_method");
        ObjectNode lastError = intent.putObject("last_payment_error");
        lastError.put("type", "card_error");
        lastError.put("code", "card_declined");
        lastError.put("decline_code", outcome.get().declineCode());
        lastError.put("message", outcome.get().message());
        ledger.record(intent);
        return new IdempotencyLayer.Result(402,
                StripeErrors.cardDeclined(outcome.get().declineCode(), outcome.get().message(), intent).toString(), false);
    }

    IdempotencyLayer.Result retrieve(String id) {
        return ledger.find(id)
                .map(intent -> new IdempotencyLayer.Result(200, intent.toString(), false))
                .orElseGet(() -> new IdempotencyLayer.Result(404, StripeErrors.error("invalid_request_error",
                        "resource_missing", "No such payment_intent: '" + id + "'").toString(), false));
    }

    private static Optional<IdempotencyLayer.Result> validate(Map<String, String> parameters) {
        String amount = parameters.get("amount");
        if (amount == null || !amount.matches("[1-9][0-9]{0,10}")) {
            return Optional.of(missing("amount", "Invalid positive integer"));
        }
        String currency = parameters.get("currency");
        if (currency == null || !currency.matches("[A-Za-z]{3}")) {
            return Optional.of(missing("currency", "Invalid currency: " + currency));
        }
        return Optional.empty();
    }

    private static IdempotencyLayer.Result missing(String param, String message) {
        ObjectNode error = StripeErrors.error("invalid_request_error", "parameter_invalid", message);
        ((ObjectNode) error.get("error")).put("param", param);
        return new IdempotencyLayer.Result(400, error.toString(), false);
    }

    private static String randomId() {
        StringBuilder id = new StringBuilder("3Q");
        for (int i = 0; i < 22; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
