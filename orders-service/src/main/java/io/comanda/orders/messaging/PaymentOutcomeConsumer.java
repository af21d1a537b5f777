package io.comanda.orders.messaging;

import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentSucceeded;
import io.comanda.orders.domain.OrderSettlement;
import io.comanda.orders.domain.UnknownOrderException;
import io.comanda.platform.messaging.EventConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows each order's payment outcome from {@code comanda.payments}. */
@ApplicationScoped
public class PaymentOutcomeConsumer {

    private static final String CHANNEL = "payments";

    private final EventConsumers consumers;
    private final OrderSettlement settlement;

    public PaymentOutcomeConsumer(EventConsumers consumers, OrderSettlement settlement) {
        this.consumers = consumers;
        this.settlement = settlement;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return consumers.consume(OrderSettlement.CONSUMER, CHANNEL, record, incoming -> {
            Uni<Void> effect;
            if (incoming.event() instanceof PaymentSucceeded succeeded) {
                effect = settlement.settle(incoming.id(), succeeded.orderId(), succeeded);
            } else if (incoming.event() instanceof PaymentFailed failed) {
                effect = settlement.settle(incoming.id(), failed.orderId(), failed);
            } else {
                effect = Uni.createFrom().voidItem();
            }
            return effect.onFailure(UnknownOrderException.class)
                    .transform(e -> new EventConsumers.PermanentFailure(e.getMessage(), e));
        });
    }
}
