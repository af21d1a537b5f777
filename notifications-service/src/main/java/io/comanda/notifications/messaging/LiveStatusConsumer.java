package io.comanda.notifications.messaging;

import io.comanda.events.EventDeserializationException;
import io.comanda.notifications.api.LiveSessions;
import io.comanda.notifications.domain.OrderStatusChange;
import io.comanda.platform.messaging.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds this instance's live sessions from {@code comanda.orders}. Every instance reads in a consumer
 * group of its own, from the newest record on, so each pushes every change to the sessions it holds.
 * A record that is not a Comanda event is skipped here; the mail consumer dead-letters it.
 */
@ApplicationScoped
public class LiveStatusConsumer {

    private final LiveSessions sessions;

    public LiveStatusConsumer(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Incoming("orders-live")
    public void push(ConsumerRecord<String, byte[]> record) {
        try {
            OrderStatusChange.of(IncomingEvents.read(record.topic(), record.headers(), record.value()).event())
                    .ifPresent(sessions::push);
        } catch (EventDeserializationException unreadable) {
            // Not a Comanda event: nothing to show.
        }
    }
}
