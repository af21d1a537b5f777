package io.comanda.notifications.messaging;

import io.comanda.notifications.domain.OrderNotifier;
import io.comanda.platform.messaging.EventConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Mails customers about their orders, once per event of {@code comanda.orders}. */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final String CHANNEL = "orders";

    private final EventConsumers consumers;
    private final OrderNotifier notifier;

    public OrderEventsConsumer(EventConsumers consumers, OrderNotifier notifier) {
        this.consumers = consumers;
        this.notifier = notifier;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return consumers.consume(OrderNotifier.CONSUMER, CHANNEL, record,
                incoming -> notifier.notify(incoming.id(), incoming.event()));
    }
}
