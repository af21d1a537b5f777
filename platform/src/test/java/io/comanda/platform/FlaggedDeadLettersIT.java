package io.comanda.platform;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.comanda.platform.messaging.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * A record whose consumer fails after a charge may have been made is retried like any other, and then
 * parked flagged, its reason saying what may have happened, on a real broker; it is counted once.
 */
@QuarkusTest
class FlaggedDeadLettersIT {

    /** {@code delayed-retry-topic.max-retries} of {@link ProbeConsumer}'s channel. */
    private static final int MAX_RETRIES = 2;

    @Inject
    MeterRegistry metrics;

    @Test
    void aRecordThatFailsAfterAChargeMayExistIsParkedFlaggedAfterItsLastRetry() {
        double retriedBefore = count("comanda.consumer.retried");
        double deadLetteredBefore = count("comanda.consumer.dead_lettered");
        OrderPlaced order = new OrderPlaced(UUID.randomUUID(), ProbeConsumer.CHARGED_CUSTOMER,
                List.of(new LineItem("PROBE-1", 1, Money.of(100, "EUR"))), Money.of(100, "EUR"), "pm_card_visa",
                Instant.now().truncatedTo(ChronoUnit.MICROS));

        try (EventProducer producer = new EventProducer(bootstrap())) {
            producer.send(order, UUID.randomUUID(), "flagged-dead-letters-it-" + order.orderId());
        }

        String deadLetterTopic = Topic.ORDERS.topicName() + "." + ProbeConsumer.GROUP + ".dlq";
        ConsumerRecord<String, String> parked;
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), deadLetterTopic)) {
            parked = reader.awaitKey(order.aggregateId(), Duration.ofSeconds(60));
        }
        String effect = ProbeConsumer.effectFor(order.orderId().toString());
        assertThat(TopicReader.header(parked, DeadLetters.EFFECT_MAY_EXIST)).isEqualTo(effect);
        assertThat(TopicReader.header(parked, DeadLetters.REASON))
                .isEqualTo(effect + ": the probe's database is down");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("comanda.consumer.dead_lettered") - deadLetteredBefore).isEqualTo(1);
            assertThat(count("comanda.consumer.retried") - retriedBefore).isEqualTo(MAX_RETRIES);
        });
    }

    @Test
    void theForcedDiscardsOfEveryConsumerGroupAreCountedFromZero() {
        Counter forced = metrics.find("comanda.dead_letters.forced_discards").tag("group", ProbeConsumer.GROUP)
                .counter();

        assertThat(forced).as("the forced-discard counter of " + ProbeConsumer.GROUP).isNotNull();
        assertThat(forced.count()).isZero();
    }

    private double count(String counter) {
        Counter found = metrics.find(counter).tag("consumer", ProbeConsumer.GROUP).counter();
        return found == null ? 0 : found.count();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
