package io.comanda.notifications.messaging;

import io.comanda.events.ComandaEvent;
import io.comanda.notifications.domain.MailMayHaveGoneOutException;
import io.comanda.notifications.domain.OrderNotifier;
import io.comanda.platform.messaging.ConsumerPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Mails customers about their orders, once per event of {@code comanda.orders}. Every failure of a
 * readable event (SMTP or Keycloak down, an order's placement not yet seen) is worth retrying; only a
 * record that is not a Comanda event is dead-lettered at once. A failure after which the customer may
 * have been mailed (a claim held elsewhere, a sent mark that failed) is flagged if it is parked.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final String CHANNEL = "orders";

    private final ConsumerPolicy policy;
    private final OrderNotifier notifier;

    public OrderEventsConsumer(ConsumerPolicy policy, OrderNotifier notifier) {
        this.policy = policy;
        this.notifier = notifier;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return policy.consume(CHANNEL, record, ComandaEvent.class, (eventId, event) -> notifier.notify(eventId, event)
                        .onFailure(MailMayHaveGoneOutException.class)
                        .transform(failure -> new PossibleMailException((MailMayHaveGoneOutException) failure)),
                ConsumerPolicy.PermanentFailure.class);
    }
}
