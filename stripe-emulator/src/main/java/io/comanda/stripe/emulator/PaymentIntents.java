package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creating (and confirming), retrieving and searching PaymentIntents, as {@code /v1/payment_intents} does.
 * The search knows one form of Stripe's query language, an equality on metadata
 * ({@code metadata['order_id']:'...'}), and lags behind creates as Stripe's does (usually under a minute,
 * up to an hour in an outage): a PaymentIntent appears in it once the search lag has passed.
 */
final class PaymentIntents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METADATA_EQUALS = Pattern.compile("\\s*metadata\\['([^']+)'\\]\\s*:\\s*'([^']*)'\\s*");

    private final Ledger ledger;
    private final ProcessingTime processingTime;

    PaymentIntents(Ledger ledger, ProcessingTime processingTime) {
        this.ledger = ledger;
        this.processingTime = processingTime;
    }

    IdempotencyLayer.Result create(Map<String, String> parameters) {
        Optional<IdempotencyLayer.Result> invalid = invalid(parameters);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String paymentMethod = parameters.get("payment_method");
        boolean confirm = "true".equals(parameters.get("confirm"));
        Optional<TestPaymentMethods.ScriptedCharge> outcome = paymentMethod == null
                ? Optional.empty() : TestPaymentMethods.of(paymentMethod);
        if (paymentMethod != null && outcome.isEmpty()) {
            return StripeErrors.invalidRequest("resource_missing", "payment_method",
                    "No such PaymentMethod: '" + paymentMethod + "'");
        }
        ObjectNode intent = newIntent(parameters, paymentMethod);
        if (!confirm || outcome.isEmpty()) {
            intent.put("status", paymentMethod == null ? "requires_payment_method" : "requires_confirmation");
            return answer(200, intent);
        }
        return confirm(intent, outcome.get(), isOffSession(parameters));
    }

    /** Confirms {@code intent} as the bank behind its test payment method would answer. */
    private IdempotencyLayer.Result confirm(ObjectNode intent, TestPaymentMethods.ScriptedCharge outcome,
                                            boolean offSession) {
        return switch (outcome.behaviour()) {
            case SUCCEEDS -> answer(200, succeeded(intent));
            case DECLINES -> decline(intent, "card_declined", outcome.declineCode(), outcome.message());
            case REQUIRES_AUTHENTICATION -> offSession
                    // Off-session nobody can authenticate: Stripe declines the confirmation.
                    ? decline(intent, outcome.declineCode(), outcome.declineCode(), outcome.message())
                    : requiresAction(intent);
            case PROCESSES -> {
                ObjectNode processing = intent.deepCopy().put("status", "processing");
                ledger.recordProcessing(processing, succeeded(intent), processingTime.get());
                yield new IdempotencyLayer.Result(200, processing.toString(), false);
            }
        };
    }

    private IdempotencyLayer.Result answer(int status, ObjectNode intent) {
        ledger.record(intent);
        return new IdempotencyLayer.Result(status, intent.toString(), false);
    }

    /** On-session the customer is there to authenticate: Stripe hands the client the next action. */
    private IdempotencyLayer.Result requiresAction(ObjectNode intent) {
        intent.put("status", "requires_action");
        intent.putObject("next_action").put("type", "use_stripe_sdk");
        return answer(200, intent);
    }

    private static ObjectNode succeeded(ObjectNode intent) {
        ObjectNode succeeded = intent.deepCopy();
        succeeded.put("status", "succeeded");
        succeeded.put("amount_received", intent.path("amount").asLong());
        succeeded.put("latest_charge", StripeIds.next("ch_"));
        return succeeded;
    }

    /** A card_error: 402, and the PaymentIntent back in {@code requires_payment_method} with the error. */
    private IdempotencyLayer.Result decline(ObjectNode intent, String code, String declineCode, String message) {
        intent.put("status", "requires_payment_method");
        ObjectNode lastError = intent.putObject("last_payment_error");
        lastError.put("type", "card_error");
        lastError.put("code", code);
        lastError.put("decline_code", declineCode);
        lastError.put("message", message);
        ledger.record(intent);
        return new IdempotencyLayer.Result(402, StripeErrors.cardDeclined(code, declineCode, message, intent).toString(),
                false);
    }

    private ObjectNode newIntent(Map<String, String> parameters, String paymentMethod) {
        ObjectNode intent = JSON.createObjectNode();
        intent.put("id", StripeIds.next("pi_"));
        intent.put("object", "payment_intent");
        intent.put("amount", Long.parseLong(parameters.get("amount")));
        intent.put("currency", parameters.get("currency").toLowerCase(Locale.ROOT));
        intent.put("created", ledger.clock().instant().getEpochSecond());
        intent.put("customer", parameters.get("customer"));
        intent.put("livemode", false);
        intent.put("payment_method", paymentMethod);
        ObjectNode metadata = intent.putObject("metadata");
        FormBody.metadata(parameters).forEach(metadata::put);
        return intent;
    }

    /** Stripe takes {@code off_session=true}, or the kind of off-session payment: one_off or recurring. */
    private static boolean isOffSession(Map<String, String> parameters) {
        String offSession = parameters.get("off_session");
        return offSession != null && !"false".equals(offSession);
    }

    IdempotencyLayer.Result retrieve(String id) {
        return ledger.find(id)
                .map(intent -> new IdempotencyLayer.Result(200, intent.toString(), false))
                .orElseGet(() -> new IdempotencyLayer.Result(404, StripeErrors.error("invalid_request_error",
                        "resource_missing", "No such payment_intent: '" + id + "'").toString(), false));
    }

    /**
     * {@code GET /v1/payment_intents/search?query=metadata['name']:'value'}: Stripe's search result, without
     * the PaymentIntents created less than {@code searchLag} ago.
     */
    IdempotencyLayer.Result search(String query, Duration searchLag) {
        Matcher equals = METADATA_EQUALS.matcher(query == null ? "" : query);
        if (!equals.matches()) {
            return StripeErrors.invalidRequest("parameter_invalid", "query",
                    "The emulator searches only metadata['key']:'value', not: " + query);
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("object", "search_result");
        result.put("url", "/v1/payment_intents/search");
        result.put("has_more", false);
        result.putNull("next_page");
        ArrayNode data = result.putArray("data");
        ledger.withMetadata(equals.group(1), equals.group(2), searchLag).forEach(data::add);
        return new IdempotencyLayer.Result(200, result.toString(), false);
    }

    /** Why a create's parameters fail validation (nothing is then stored for its key), or empty when valid. */
    static Optional<IdempotencyLayer.Result> invalid(Map<String, String> parameters) {
        String amount = parameters.get("amount");
        if (amount == null || !amount.matches("[1-9][0-9]{0,10}")) {
            return Optional.of(missing("amount", "Invalid positive integer"));
        }
        String currency = parameters.get("currency");
        if (currency == null || !currency.matches("[A-Za-z]{3}")) {
            return Optional.of(missing("currency", "Invalid currency: " + currency));
        }
        String offSession = parameters.get("off_session");
        if (offSession != null && !offSession.matches("true|false|one_off|recurring")) {
            return Optional.of(missing("off_session", "Invalid off_session: " + offSession));
        }
        if (offSession != null && !"true".equals(parameters.get("confirm"))) {
            return Optional.of(missing("off_session", "You can only pass off_session when confirm=true."));
        }
        String customer = parameters.get("customer");
        if (customer != null && customer.isBlank()) {
            return Optional.of(missing("customer", "Invalid customer: it must not be empty."));
        }
        return Optional.empty();
    }

    private static IdempotencyLayer.Result missing(String param, String message) {
        return StripeErrors.invalidRequest("parameter_invalid", param, message);
    }
}
