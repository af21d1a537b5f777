package io.comanda.payments.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import io.comanda.platform.observability.OutboundCalls;

import java.util.UUID;

/**
 * Refunds an order's charge once: the charge's refunds are listed first (consistently), and only when
 * there is none is one created, under the order's refund key, so a retry within Stripe's key window
 * gets the same refund and one after it finds it in the list.
 */
final class StripeRefunds {

    private final StripeClient stripe;
    private final OutboundCalls outbound;
    private final RequestRate rate;

    StripeRefunds(StripeClient stripe, OutboundCalls outbound, RequestRate rate) {
        this.stripe = stripe;
        this.outbound = outbound;
        this.rate = rate;
    }

    String refund(UUID orderId, String paymentIntent) {
        rate.acquire();
        try {
            var existing = outbound.call("stripe", "GET /v1/refunds", () -> stripe.refunds()
                    .list(RefundListParams.builder().setPaymentIntent(paymentIntent).setLimit(1L).build()));
            if (!existing.getData().isEmpty()) {
                return existing.getData().get(0).getId();
            }
            rate.acquire();
            RefundCreateParams refund = RefundCreateParams.builder().setPaymentIntent(paymentIntent)
                    .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                    .putMetadata("order_id", orderId.toString()).build();
            Refund made = outbound.call("stripe", "POST /v1/refunds", () -> stripe.refunds().create(refund,
                    RequestOptions.builder().setIdempotencyKey("comanda-refund-" + orderId).build()));
            return made.getId();
        } catch (StripeException e) {
            throw StripePaymentGateway.readFailed("Refunding PaymentIntent " + paymentIntent + " of order " + orderId, e);
        }
    }
}
