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
 * A record that fails on every delivery goes through the channel's delayed retries to its dead-letter
 * topic, on a real broker; the consumer's metrics count each retry once and the dead letter once. One
 * whose failure says a charge may exist is parked flagged, its reason saying what may have happened.
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

        parkedAfterItsRetries(ProbeConsumer.FAILING_CUSTOMER);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("comanda.consumer.dead_lettered") - deadLetteredBefore).isEqualTo(1);
            assertThat(count("comanda.consumer.retried") - retriedBefore).isEqualTo(MAX_RETRIES);
        });
    }

    @Test
    void aRecordThatFailsAfterAChargeMayExistIsParkedFlaggedAfterItsLastRetryAndCountedOnce() {
        double retriedBefore = count("comanda.consumer.retried");
        double deadLetteredBefore = count("comanda.consumer.dead_lettered");

        ConsumerRecord<String, String> parked = parkedAfterItsRetries(ProbeConsumer.CHARGED_CUSTOMER);

        String effect = ProbeConsumer.effectFor(parked.key());
        assertThat(TopicReader.header(parked, DeadLetters.EFFECT_MAY_EXIST)).isEqualTo(effect);
        assertThat(TopicReader.header(parked, DeadLetters.REASON)).isEqualTo(effect + ": the probe's database is down");
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

    /** Sends an order of {@code customer} and answers its dead letter, once it is parked. */
    private static ConsumerRecord<String, String> parkedAfterItsRetries(String customer) {
        OrderPlaced order = new OrderPlaced(UUID.randomUUID(), customer,
                List.of(new LineItem("PROBE-1", 1, Money.of(100, "EUR"))), Money.of(100, "EUR"), "pm_card_visa",
                Instant.now().truncatedTo(ChronoUnit.MICROS));

        try (EventProducer producer = new EventProducer(bootstrap())) {
            producer.send(order, UUID.randomUUID(), "dead-letters-it-" + order.orderId());
        }

        String deadLetterTopic = Topic.ORDERS.topicName() + "." + ProbeConsumer.GROUP + ".dlq";
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), deadLetterTopic)) {
            return reader.awaitKey(order.aggregateId(), Duration.ofSeconds(60));
        }
    }

    private double count(String counter) {
        Counter found = metrics.find(counter).tag("consumer", ProbeConsumer.GROUP).counter();
        return found == null ? 0 : found.count();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
