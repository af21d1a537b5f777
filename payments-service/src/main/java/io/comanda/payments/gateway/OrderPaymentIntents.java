package io.comanda.payments.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.param.PaymentIntentListParams;
import io.comanda.platform.observability.OutboundCalls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds an order's PaymentIntents in Stripe's list endpoint, which is consistent, unlike its search
 * (current within a minute usually, up to an hour during outages, which are when ambiguous answers come):
 * the PaymentIntents created since the order could first have been charged, a page of 100 at a time,
 * recognised by {@code metadata[order_id]}. The cost grows with the account's charges since then, which
 * is why it is asked only for an order whose key can no longer answer.
 */
final class OrderPaymentIntents {

    private static final long PAGE = 100;

    private final StripeClient stripe;
    private final OutboundCalls outbound;
    private final RequestRate rate;

    OrderPaymentIntents(StripeClient stripe, OutboundCalls outbound, RequestRate rate) {
        this.stripe = stripe;
        this.outbound = outbound;
        this.rate = rate;
    }

    /** Of the order's PaymentIntents (a decline, then a charge), the one that took money or may still. */
    Optional<PaymentIntent> mostAdvanced(UUID orderId, Instant createdFrom) {
        return of(orderId, createdFrom).stream().min(Comparator.comparingInt((PaymentIntent intent) ->
                switch (intent.getStatus()) {
                    case "succeeded" -> 0;
                    case "processing" -> 1;
                    default -> 2;
                }).thenComparing(PaymentIntent::getCreated, Comparator.nullsLast(Comparator.reverseOrder())));
    }

    List<PaymentIntent> of(UUID orderId, Instant createdFrom) {
        String order = orderId.toString();
        List<PaymentIntent> found = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            StripeCollection<PaymentIntent> page = page(createdFrom, after, orderId);
            for (PaymentIntent intent : page.getData()) {
                if (intent.getMetadata() != null && order.equals(intent.getMetadata().get("order_id"))) {
                    found.add(intent);
                }
                after = intent.getId();
            }
            more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
        }
        return found;
    }

    private StripeCollection<PaymentIntent> page(Instant createdFrom, String after, UUID orderId) {
        PaymentIntentListParams.Builder params = PaymentIntentListParams.builder().setLimit(PAGE)
                .setCreated(PaymentIntentListParams.Created.builder().setGte(createdFrom.getEpochSecond()).build());
        if (after != null) {
            params.setStartingAfter(after);
        }
        rate.acquire();
        try {
            return outbound.call("stripe", "GET /v1/payment_intents", () -> stripe.paymentIntents().list(params.build()));
        } catch (StripeException e) {
            throw StripePaymentGateway.readFailed("Listing the PaymentIntents of order " + orderId, e);
        }
    }
}
