package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The refunds made, in the order they were made, and how much of each PaymentIntent they gave back. */
final class RefundBook {

    private final List<ObjectNode> refunds = new ArrayList<>();
    private final Map<String, Long> refundedPerIntent = new HashMap<>();

    synchronized void record(ObjectNode refund) {
        refunds.add(refund);
        refundedPerIntent.merge(refund.path("payment_intent").asText(), refund.path("amount").asLong(), Long::sum);
    }

    synchronized long refundedAmount(String paymentIntentId) {
        return refundedPerIntent.getOrDefault(paymentIntentId, 0L);
    }

    /** The refunds of {@code paymentIntentId}, or all when null, newest first. */
    synchronized List<ObjectNode> newestFirst(String paymentIntentId) {
        List<ObjectNode> newestFirst = new ArrayList<>();
        for (int i = refunds.size() - 1; i >= 0; i--) {
            ObjectNode refund = refunds.get(i);
            if (paymentIntentId == null || paymentIntentId.equals(refund.path("payment_intent").asText())) {
                newestFirst.add(refund);
            }
        }
        return newestFirst;
    }

    synchronized long count() {
        return refunds.size();
    }
}
