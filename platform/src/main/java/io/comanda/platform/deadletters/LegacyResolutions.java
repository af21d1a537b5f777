package io.comanda.platform.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The replays and discards that earlier versions kept on a compacted {@code <dead-letter topic>.resolutions}
 * topic, one partition (key: {@code <topic>-<partition>-<offset>} of the dead-letter record; value:
 * {@code {"action": "DISCARDED"|"REPLAYED", "by", "at", "reason"}}; the last value of a key counts, an empty
 * one removes it). Read once when indexing starts, so that the first indexing of a dead-letter topic does not
 * bring those dead letters back as waiting: each record indexed at such a place takes its resolution
 * ({@link DeadLetterIndex#resolvedEarlier}). Once every service indexed its topics, the legacy topics may be
 * deleted; without them this reads nothing.
 */
final class LegacyResolutions {

    static final String SUFFIX = ".resolutions";
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(LegacyResolutions.class);

    /** A dead letter and the resolution an earlier version kept for it. */
    record Earlier(DeadLetter letter, Resolution resolution, Instant at) {
    }

    private final Map<String, Resolution> byPlace;

    LegacyResolutions(Map<String, Resolution> byPlace) {
        this.byPlace = Map.copyOf(byPlace);
    }

    static LegacyResolutions none() {
        return new LegacyResolutions(Map.of());
    }

    /** Reads the legacy topics of {@code deadLetterTopics} that exist, each to its end. */
    static LegacyResolutions read(Admin admin, Supplier<Consumer<String, byte[]>> consumers,
                                  Collection<String> deadLetterTopics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(READ_LIMIT.toSeconds(), TimeUnit.SECONDS);
        List<String> legacy = deadLetterTopics.stream().map(topic -> topic + SUFFIX).filter(existing::contains)
                .toList();
        if (legacy.isEmpty()) {
            return none();
        }
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            legacy.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + legacy + " to their end within " + READ_LIMIT);
                }
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
            LegacyResolutions read = new LegacyResolutions(of(records));
            LOG.infof("Read %d resolutions of earlier versions from %s", read.byPlace.size(), legacy);
            return read;
        }
    }

    /** The resolution of each place, the last record of a key counting; unreadable values are left out. */
    static Map<String, Resolution> of(Iterable<ConsumerRecord<String, byte[]>> records) {
        Map<String, Resolution> byPlace = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null || record.value().length == 0) {
                byPlace.remove(record.key());
            } else {
                resolution(record.value()).ifPresentOrElse(found -> byPlace.put(record.key(), found),
                        () -> byPlace.remove(record.key()));
            }
        }
        return byPlace;
    }

    /** The letters of a batch that an earlier version resolved, with their resolutions. */
    List<Earlier> of(List<DeadLetter> letters) {
        if (byPlace.isEmpty()) {
            return List.of();
        }
        List<Earlier> earlier = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, byte[]> record = letter.record();
            Resolution resolution = byPlace.get(record.topic() + "-" + record.partition() + "-" + record.offset());
            if (resolution != null) {
                earlier.add(new Earlier(letter, resolution, Instant.parse(resolution.at())));
            }
        }
        return earlier;
    }

    private static Optional<Resolution> resolution(byte[] value) {
        try {
            JsonNode json = JSON.readTree(value);
            Resolution.Action action = Resolution.Action.valueOf(json.path("action").asText());
            String at = Instant.parse(json.path("at").asText()).toString();
            if (action == Resolution.Action.SETTLED) {
                return Optional.empty();
            }
            return Optional.of(new Resolution(action, text(json, "by"), at, text(json, "reason")));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            LOG.warnf("An unreadable resolution of an earlier version is left out: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
