package io.comanda.notifications;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.comanda.notifications.Customers.ALICE_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

/** A record that is not a Comanda event is parked at once, and the orders after it are still mailed. */
@QuarkusTest
class DeadLetterIT {

    @Test
    void recordThatIsNotAComandaEventIsDeadLetteredAtOnceAndLaterOrdersAreMailed() {
        String poisonKey = "poison-" + UUID.randomUUID();
        OrderPlaced after = OrderEvents.placed(Customers.id(LocalUser.ALICE));
        try (EventProducer producer = OrderEvents.producer()) {
            producer.sendRaw("comanda.orders", poisonKey, EventProducer.headers("ce_id", UUID.randomUUID().toString(),
                    "ce_type", EventType.ORDER_PLACED_V1.ceType()), "{\"orderId\": \"not json".getBytes(StandardCharsets.UTF_8));
            producer.send(after, UUID.randomUUID(), "after-poison");
        }

        ConsumerRecord<String, String> parked = OrderEvents.readDeadLettersUntilKey(poisonKey).stream()
                .filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();

        assertThat(TopicReader.header(parked, "dead-letter-reason")).contains("malformed OrderPlaced");
        assertThat(TopicReader.header(parked, "dead-letter-topic")).isEqualTo("comanda.orders");
        assertThat(parked.value()).isEqualTo("{\"orderId\": \"not json");
        OrderMailIT.awaitMails(ALICE_ADDRESS, after, 1);
    }
}
