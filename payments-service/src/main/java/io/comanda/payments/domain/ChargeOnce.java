package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;
import io.comanda.payments.persistence.ChargeAttempts;
import io.comanda.platform.messaging.TracedEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Charges a batch of unpaid orders so that no order is charged twice, however late it is delivered again:
 * <ol>
 *   <li>one statement begins each order's charge attempt and finds the PaymentIntent an earlier attempt
 *       recorded;</li>
 *   <li>the orders without one get a PaymentIntent opened, unconfirmed, in parallel: no money moves;</li>
 *   <li>one statement records their ids (the first recorded stands);</li>
 *   <li>in parallel, each recorded PaymentIntent is confirmed, or resumed when an earlier attempt opened
 *       it: a redelivery after a crash between the charge and the payment row reads the outcome of the
 *       PaymentIntent it finds instead of creating another.</li>
 * </ol>
 * The price: two calls to the provider per charge instead of one (open, confirm), and two statements per
 * batch; the calls of a batch run side by side, so a batch takes two round trips instead of one.
 */
@ApplicationScoped
public class ChargeOnce {

    private final ParallelCharges parallel;
    private final PaymentGateway gateway;
    private final ChargeAttempts attempts;

    public ChargeOnce(ParallelCharges parallel, PaymentGateway gateway, ChargeAttempts attempts) {
        this.parallel = parallel;
        this.gateway = gateway;
        this.attempts = attempts;
    }

    /** Charges each order, one event per order; never fails: each attempt carries its result or failure. */
    public Uni<List<ParallelCharges.Attempt<ChargeResult>>> charge(List<TracedEvent> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return attempts.begin(orders.stream().map(e -> order(e).orderId()).toList())
                .chain(begun -> open(orders, begun)
                        .chain(opened -> attempts.record(opened(opened))
                                .chain(recorded -> parallel.each(orders, settle(begun, opened, recorded)))));
    }

    private Uni<Map<UUID, ParallelCharges.Attempt<OpenedCharge>>> open(List<TracedEvent> orders,
                                                                     Map<UUID, ChargeAttempts.Begun> begun) {
        List<TracedEvent> toOpen = orders.stream().filter(e -> {
            ChargeAttempts.Begun attempt = begun.get(order(e).orderId());
            return attempt != null && attempt.paymentIntentId() == null;
        }).toList();
        return parallel.each(toOpen, order -> gateway.open(request(order), begun.get(order.orderId()).generation()))
                .map(opened -> {
                    Map<UUID, ParallelCharges.Attempt<OpenedCharge>> byOrder = new HashMap<>();
                    opened.forEach(attempt -> byOrder.put(attempt.order().orderId(), attempt));
                    return byOrder;
                });
    }

    private static Map<UUID, String> opened(Map<UUID, ParallelCharges.Attempt<OpenedCharge>> opened) {
        Map<UUID, String> paymentIntents = new HashMap<>();
        opened.forEach((orderId, attempt) -> {
            if (attempt.failure() == null && attempt.result().paymentIntentId() != null) {
                paymentIntents.put(orderId, attempt.result().paymentIntentId());
            }
        });
        return paymentIntents;
    }

    /** What settles each order: confirming what it opened, resuming what was recorded, or what went wrong. */
    private Function<OrderPlaced, ChargeResult> settle(Map<UUID, ChargeAttempts.Begun> begun,
                                                       Map<UUID, ParallelCharges.Attempt<OpenedCharge>> opened,
                                                       Map<UUID, String> recorded) {
        return order -> {
            UUID orderId = order.orderId();
            ChargeAttempts.Begun earlier = begun.get(orderId);
            if (earlier == null) {
                throw new ProviderUnavailableException("The charge attempt of order " + orderId
                        + " was being begun concurrently", null);
            }
            if (earlier.paymentIntentId() != null) {
                return gateway.resume(earlier.paymentIntentId());
            }
            ParallelCharges.Attempt<OpenedCharge> attempt = opened.get(orderId);
            if (attempt.failure() != null) {
                throw rethrown(attempt.failure());
            }
            if (attempt.result().declined() != null) {
                return attempt.result().declined();
            }
            String paymentIntentId = recorded.get(orderId);
            if (paymentIntentId == null) {
                throw new ProviderUnavailableException("The PaymentIntent of order " + orderId + " is not recorded", null);
            }
            return paymentIntentId.equals(attempt.result().paymentIntentId())
                    ? gateway.confirm(paymentIntentId) : gateway.resume(paymentIntentId);
        };
    }

    private static RuntimeException rethrown(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime
                : new ProviderUnavailableException("Opening the charge failed: " + failure, failure);
    }

    private static ChargeRequest request(OrderPlaced order) {
        return new ChargeRequest(order.orderId(), order.total(), order.paymentMethod());
    }

    private static OrderPlaced order(TracedEvent event) {
        return (OrderPlaced) event.event().event();
    }
}
