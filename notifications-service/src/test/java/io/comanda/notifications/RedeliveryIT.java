package io.comanda.notifications;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.comanda.notifications.Customers.ALICE_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka delivers at least once; a customer still gets one mail per event. */
@QuarkusTest
class RedeliveryIT {

    @Test
    void theSameEventDeliveredFiveTimesSendsOneMail() {
        OrderPlaced order = OrderEvents.placed(Customers.id(LocalUser.ALICE));
        UUID eventId = UUID.randomUUID();

        try (EventProducer producer = OrderEvents.producer()) {
            for (int delivery = 0; delivery < 5; delivery++) {
                producer.send(order, eventId, "redelivery-it");
            }
        }

        OrderMailIT.awaitMails(ALICE_ADDRESS, order, 1);
        await().atMost(Duration.ofSeconds(60)).until(OrderEvents::mailConsumerCaughtUp);
        assertThat(Customers.mailbox(ALICE_ADDRESS).about(order.orderId())).singleElement()
                .satisfies(mail -> assertThat(mail.messageId()).isEqualTo("<" + eventId + "@notifications.comanda.example>"));
        assertThat(TestDatabase.count("select count(*) from notification where event_id = ? and state = 'SENT'", eventId))
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from inbox where consumer = 'notifications-service' and event_id = ?",
                eventId)).isEqualTo(1);
    }
}
