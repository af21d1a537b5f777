package io.comanda.orders;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.Money;
import io.comanda.events.PaymentSucceeded;
import io.comanda.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order's events on the test broker: outcomes sent as payments-service sends them, announcements read back. */
final class OrderEvents {

    private OrderEvents() {
    }

    /** The charge of an espresso order of alice's ({@link Customers#espressoOrder}), succeeded. */
    static PaymentSucceeded succeeded(String orderId) {
        return new PaymentSucceeded(UUID.randomUUID(), UUID.fromString(orderId), Customers.subject(LocalUser.ALICE),
                Money.of(6048, "EUR"), "pi_test_" + orderId.substring(0, 8), Instant.now());
    }

    /** The first event of {@code ceType} about the order on {@code comanda.orders}, waiting up to a minute. */
    static ConsumerRecord<String, String> awaitOnOrders(String orderId, String ceType) {
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), Topic.ORDERS.topicName())) {
            List<ConsumerRecord<String, String>> seen = reader.readUntil(records -> records.stream().anyMatch(r ->
                    orderId.equals(r.key()) && ceType.equals(TopicReader.header(r, CloudEventHeaders.TYPE))),
                    Duration.ofSeconds(60));
            return seen.stream().filter(r -> orderId.equals(r.key())
                    && ceType.equals(TopicReader.header(r, CloudEventHeaders.TYPE))).findFirst().orElseThrow();
        }
    }

    static EventProducer producer() {
        return new EventProducer(bootstrap());
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
