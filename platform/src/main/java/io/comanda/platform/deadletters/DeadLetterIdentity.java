package io.comanda.platform.deadletters;

import io.comanda.events.CloudEventHeaders;
import io.comanda.platform.messaging.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import java.util.Optional;
import java.util.UUID;

/**
 * What makes two dead-letter records one dead letter in the index: the event's {@code ce_id}, so a record
 * parked again after a replay, or parked twice after a redelivery, is the same dead letter; for a record
 * that is no event (no {@code ce_id}, or one that is not a UUID), where it was read, from the dead-letter
 * headers ({@code origin:<topic>-<partition>-<offset>}); failing those (absent, or not a topic and numbers),
 * where it is on the dead-letter topic and when it was parked there: a topic deleted and created again starts
 * its offsets at 0, and its new records must not be taken for the old ones at the same place.
 */
final class DeadLetterIdentity {

    /** Kafka's longest topic name: a longer one in the headers is no topic the record was read from. */
    static final int MAX_TOPIC_LENGTH = 249;

    private DeadLetterIdentity() {
    }

    static String of(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        Optional<String> eventId = Optional.ofNullable(DeadLetter.text(headers.lastHeader(CloudEventHeaders.ID)))
                .flatMap(DeadLetterIdentity::uuid);
        if (eventId.isPresent()) {
            return eventId.get();
        }
        String topic = DeadLetter.text(headers.lastHeader(DeadLetters.TOPIC));
        String partition = DeadLetter.text(headers.lastHeader(DeadLetters.PARTITION));
        String offset = DeadLetter.text(headers.lastHeader(DeadLetters.OFFSET));
        if (topic != null && topic.length() <= MAX_TOPIC_LENGTH && isNumber(partition) && isNumber(offset)) {
            return "origin:" + topic + "-" + partition.strip() + "-" + offset.strip();
        }
        return "parked:" + record.topic() + "-" + record.partition() + "-" + record.offset() + "@" + record.timestamp();
    }

    private static boolean isNumber(String text) {
        return text != null && text.strip().matches("\\d{1,19}");
    }

    private static Optional<String> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
