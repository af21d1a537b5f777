package io.comanda.payments.messaging;

import io.comanda.events.OrderPlaced;
import io.comanda.payments.domain.PaymentProcessing;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.platform.messaging.EventConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes the payment of every order placed; other order events are not this service's concern. */
@ApplicationScoped
public class OrderPlacedConsumer {

    private static final String CHANNEL = "orders";

    private final EventConsumers consumers;
    private final PaymentProcessing processing;

    public OrderPlacedConsumer(EventConsumers consumers, PaymentProcessing processing) {
        this.consumers = consumers;
        this.processing = processing;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return consumers.consume(PaymentProcessing.CONSUMER, CHANNEL, record, incoming -> {
            if (!(incoming.event() instanceof OrderPlaced placed)) {
                return Uni.createFrom().voidItem();
            }
            return processing.pay(incoming.id(), placed)
                    .onFailure(ProviderRejectedException.class)
                    .transform(e -> new EventConsumers.PermanentFailure(e.getMessage(), e));
        });
    }
}
