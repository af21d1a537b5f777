package io.comanda.payments.messaging;

import io.comanda.events.OrderPlaced;
import io.comanda.payments.domain.PaymentProcessing;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.platform.messaging.ConsumerPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the payment of every order placed; other order events are not this service's concern. A
 * request the provider refuses for good is dead-lettered at once.
 */
@ApplicationScoped
public class OrderPlacedConsumer {

    private final ConsumerPolicy policy;
    private final PaymentProcessing processing;

    public OrderPlacedConsumer(ConsumerPolicy policy, PaymentProcessing processing) {
        this.policy = policy;
        this.processing = processing;
    }

    @Incoming("orders")
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return policy.consume("orders", record, OrderPlaced.class, processing::pay, ProviderRejectedException.class);
    }
}
