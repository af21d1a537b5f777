package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * {@code GET /v1/payment_intents}: Stripe's list, by {@code customer} and creation time
 * ({@code created}, {@code created[gte]}, {@code created[gt]}, {@code created[lte]}, {@code created[lt]},
 * epoch seconds), newest first. Unlike search it is consistent: a PaymentIntent is listed once created.
 */
final class PaymentIntentList {

    private static final Set<String> FILTERS = Set.of("customer", "created", "created[gte]", "created[gt]",
            "created[lte]", "created[lt]");

    private final Ledger ledger;

    PaymentIntentList(Ledger ledger) {
        this.ledger = ledger;
    }

    IdempotencyLayer.Result list(Map<String, String> parameters) {
        Optional<IdempotencyLayer.Result> unknown = StripeList.unknownParameter(parameters, FILTERS);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        Predicate<ObjectNode> filter = pi -> true;
        long createdAtLeast = Long.MIN_VALUE;
        String customer = parameters.get("customer");
        if (customer != null) {
            filter = filter.and(pi -> customer.equals(pi.path("customer").asText(null)));
        }
        for (String bound : FILTERS) {
            String value = parameters.get(bound);
            if (value == null || bound.equals("customer")) {
                continue;
            }
            if (!value.matches("[0-9]{1,12}")) {
                return StripeErrors.invalidRequest("parameter_invalid", bound,
                        "Invalid integer: " + value + " (" + bound + " takes epoch seconds)");
            }
            LongPredicate created = comparison(bound, Long.parseLong(value));
            filter = filter.and(pi -> created.test(pi.path("created").asLong()));
            if (bound.equals("created[gte]") || bound.equals("created[gt]")) {
                createdAtLeast = Math.max(createdAtLeast, Long.parseLong(value));
            }
        }
        List<ObjectNode> newestFirst = createdAtLeast == Long.MIN_VALUE ? ledger.newestFirst(filter)
                : ledger.newestFirst(filter, createdAtLeast);
        return StripeList.page("/v1/payment_intents", newestFirst, parameters, "payment_intent");
    }

    private static LongPredicate comparison(String bound, long seconds) {
        return switch (bound) {
            case "created[gte]" -> created -> created >= seconds;
            case "created[gt]" -> created -> created > seconds;
            case "created[lte]" -> created -> created <= seconds;
            case "created[lt]" -> created -> created < seconds;
            default -> created -> created == seconds;
        };
    }
}
