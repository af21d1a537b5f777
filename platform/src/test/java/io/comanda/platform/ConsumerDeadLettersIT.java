package io.comanda.platform;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that fails on every delivery goes through the channel's delayed retries to its dead-letter
 * topic, on a real broker; the consumer's metrics count each retry once and the dead letter once.
 */
@QuarkusTest
class ConsumerDeadLettersIT {

    /** {@code delayed-retry-topic.max-retries} of {@link ProbeConsumer}'s channel. */
    private static final int MAX_RETRIES = 2;

    @Inject
    MeterRegistry metrics;

    @Test
    void aRecordThatUsesUpItsRetriesIsCountedAsDeadLetteredNotAsRetriedAgain() {
        double retriedBefore = count("comanda.consumer.retried");
        double deadLetteredBefore = count("comanda.consumer.dead_lettered");
        OrderPlaced order = new OrderPlaced(UUID.randomUUID(), ProbeConsumer.FAILING_CUSTOMER,
                List.of(new LineItem("PROBE-1", 1, Money.of(100, "EUR"))), Money.of(100, "EUR"), "pm_card_visa",
                Instant.now().truncatedTo(ChronoUnit.MICROS));

        try (EventProducer producer = new EventProducer(bootstrap())) {
            producer.send(order, UUID.randomUUID(), "dead-letters-it-" + order.orderId());
        }

        String deadLetterTopic = Topic.ORDERS.topicName() + "." + ProbeConsumer.GROUP + ".dlq";
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), deadLetterTopic)) {
            reader.awaitKey(order.aggregateId(), Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("comanda.consumer.dead_lettered") - deadLetteredBefore).isEqualTo(1);
            assertThat(count("comanda.consumer.retried") - retriedBefore).isEqualTo(MAX_RETRIES);
        });
    }

    private double count(String counter) {
        Counter found = metrics.find(counter).tag("consumer", ProbeConsumer.GROUP).counter();
        return found == null ? 0 : found.count();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
