package io.comanda.notifications.messaging;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventDeserializationException;
import io.comanda.events.EventReader;
import io.comanda.notifications.api.LiveSessions;
import io.comanda.notifications.domain.OrderStatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds this instance's live sessions from {@code comanda.orders}. Every instance reads in a consumer
 * group of its own, from the newest record on, so each pushes every change to the sessions it holds. The
 * group commits no offset ({@code commit-strategy=ignore}): nothing of it outlives the instance on the
 * broker, which deletes an empty group without offsets at its next cleanup.
 * A record that is not a Comanda event is skipped here; the mail consumer dead-letters it. The channel
 * is not a platform consumer ({@code comanda.consumer.orders-live.managed=false}): a missed push is
 * not worth a retry, and per-instance retry topics would outlive the instance.
 */
@ApplicationScoped
public class LiveStatusConsumer {

    private final LiveSessions sessions;

    public LiveStatusConsumer(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Incoming("orders-live")
    public void push(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        try {
            OrderStatusChange.of(EventReader.read(type == null ? null : CloudEventHeaders.text(type.value()),
                    record.value())).ifPresent(sessions::push);
        } catch (EventDeserializationException unreadable) {
            // Not a Comanda event: nothing to show.
        }
    }
}
