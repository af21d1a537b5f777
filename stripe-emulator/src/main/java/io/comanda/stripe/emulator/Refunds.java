package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refunds, as {@code /v1/refunds} makes them: of a succeeded PaymentIntent, by default all that is left of
 * it, never more. Stripe refunds the PaymentIntent's charge; the emulator counts the refunded amount per
 * PaymentIntent in the {@link Ledger}, and leaves the PaymentIntent's JSON as Stripe's (which has no
 * refunded amount).
 */
final class Refunds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    private final Ledger ledger;

    Refunds(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Why a refund's parameters fail validation (nothing is then stored for its key), or empty when valid. */
    static Optional<IdempotencyLayer.Result> invalid(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!Set.of("payment_intent", "amount", "reason").contains(name) && !name.matches("metadata\\[.+]")) {
                return Optional.of(StripeErrors.invalidRequest("parameter_unknown", name,
                        "Received unknown parameter: " + name));
            }
        }
        if (parameters.get("payment_intent") == null || parameters.get("payment_intent").isBlank()) {
            return Optional.of(StripeErrors.invalidRequest("parameter_missing", "payment_intent",
                    "Missing required param: payment_intent."));
        }
        String amount = parameters.get("amount");
        if (amount != null && !amount.matches("[1-9][0-9]{0,10}")) {
            return Optional.of(StripeErrors.invalidRequest("parameter_invalid", "amount", "Invalid positive integer"));
        }
        String reason = parameters.get("reason");
        if (reason != null && !REASONS.contains(reason)) {
            return Optional.of(StripeErrors.invalidRequest("parameter_invalid", "reason", "Invalid reason: must be one of "
                    + String.join(", ", REASONS.stream().sorted().toList())));
        }
        return Optional.empty();
    }

    /** One refund at a time, so two refunds of one PaymentIntent cannot both take what is left of it. */
    synchronized IdempotencyLayer.Result create(Map<String, String> parameters) {
        String id = parameters.get("payment_intent");
        Optional<ObjectNode> found = ledger.find(id);
        if (found.isEmpty()) {
            return StripeErrors.invalidRequest("resource_missing", "payment_intent", "No such payment_intent: '" + id + "'");
        }
        ObjectNode intent = found.get();
        if (!"succeeded".equals(intent.path("status").asText())) {
            return StripeErrors.invalidRequest("charge_not_refundable", "payment_intent", "This PaymentIntent (" + id
                    + ") does not have a successful charge to refund; its status is " + intent.path("status").asText() + ".");
        }
        long left = ledger.unrefundedAmount(intent);
        if (left <= 0) {
            return StripeErrors.invalidRequest("charge_already_refunded", "payment_intent",
                    "Charge " + intent.path("latest_charge").asText() + " has already been refunded.");
        }
        long amount = parameters.containsKey("amount") ? Long.parseLong(parameters.get("amount")) : left;
        if (amount > left) {
            return StripeErrors.invalidRequest("amount_too_large", "amount", "Refund amount (" + amount
                    + ") is greater than unrefunded amount on charge (" + left + ")");
        }
        ObjectNode refund = refund(intent, amount, parameters);
        ledger.recordRefund(refund);
        return new IdempotencyLayer.Result(200, refund.toString(), false);
    }

    private ObjectNode refund(ObjectNode intent, long amount, Map<String, String> parameters) {
        ObjectNode refund = JSON.createObjectNode();
        refund.put("id", StripeIds.next("re_"));
        refund.put("object", "refund");
        refund.put("amount", amount);
        refund.put("charge", intent.path("latest_charge").asText());
        refund.put("currency", intent.path("currency").asText());
        refund.put("payment_intent", intent.path("id").asText());
        refund.put("status", "succeeded");
        refund.put("created", ledger.clock().instant().getEpochSecond());
        refund.put("reason", parameters.get("reason"));
        ObjectNode metadata = refund.putObject("metadata");
        FormBody.metadata(parameters).forEach(metadata::put);
        return refund;
    }

    /** {@code GET /v1/refunds[?payment_intent=]}: Stripe's list, newest first, consistent at once. */
    IdempotencyLayer.Result list(Map<String, String> parameters) {
        Optional<IdempotencyLayer.Result> unknown = StripeList.unknownParameter(parameters, Set.of("payment_intent"));
        if (unknown.isPresent()) {
            return unknown.get();
        }
        return StripeList.page("/v1/refunds", ledger.refunds(parameters.get("payment_intent")), parameters, "refund");
    }
}
