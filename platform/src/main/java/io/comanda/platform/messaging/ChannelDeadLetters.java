package io.comanda.platform.messaging;

import io.comanda.platform.logging.UntrustedText;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Parks a record of a consumer channel on the channel's dead-letter topic, as both consumer policies
 * do: one error line naming the record and why, the dead-lettered count, the record with its reason.
 *
 * <p>A write that Kafka does not take (the broker is away) is a transient failure of the parking, not of
 * the record: it is tried again with back-off ({@value #FIRST_RETRY_MS} ms doubling to
 * {@value #MAX_RETRY_MS} ms) until Kafka has it, and the record is acknowledged only then. Nothing else
 * of the partition could be consumed or retried meanwhile anyway, since it all goes through Kafka.
 */
final class ChannelDeadLetters {

    private static final Logger LOG = Logger.getLogger(ChannelDeadLetters.class);
    static final long FIRST_RETRY_MS = 1_000;
    static final long MAX_RETRY_MS = 30_000;

    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;

    ChannelDeadLetters(DeadLetters deadLetters, ConsumerMetrics metrics) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /**
     * @param event the record read as an event, or null when it is not one
     * @return completes when Kafka has the record on the dead-letter topic; the record is not acked
     */
    Uni<Void> park(ConsumerChannel channel, KafkaRecord<String, byte[]> record, IncomingEvent event, Throwable reason) {
        IncomingKafkaRecordMetadata<String, byte[]> metadata = IncomingEvents.metadata(record);
        LOG.errorf("%s: record %s-%d@%d (%s) goes to %s: %s", channel.group(), metadata.getTopic(),
                metadata.getPartition(), metadata.getOffset(),
                event == null ? "not an event" : "correlation id " + UntrustedText.of(event.correlationId()),
                channel.deadLetterTopic(), UntrustedText.of(DeadLetters.effectMayExist(reason, metadata.getHeaders())
                        .map(effect -> effect + ": ").orElse("") + reason.getMessage()));
        metrics.deadLettered(channel.group());
        return deadLetters.park(channel.deadLetterTopic(), metadata, record.getPayload(), reason)
                .onFailure().invoke(failure -> LOG.warnf("%s: Kafka did not take record %s-%d@%d for %s, trying "
                        + "again: %s", channel.group(), metadata.getTopic(), metadata.getPartition(),
                        metadata.getOffset(), channel.deadLetterTopic(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(FIRST_RETRY_MS), Duration.ofMillis(MAX_RETRY_MS))
                .indefinitely();
    }
}
