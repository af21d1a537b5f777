package io.comanda.platform.deadletters;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Notices a dead-letter topic that was deleted and created again (the same name, a new topic id), and has
 * the indexer read it from its beginning: its offsets are the old topic's, and a record of the new topic
 * below them would never be indexed. Partitions still assigned are sought back at once; those assigned later
 * (the consumer saw the topic go) when they come. Reading a record again changes nothing in the index.
 * Checked by the indexing thread every {@value #CHECK_EVERY_MS} ms.
 */
final class RecreatedTopics implements ConsumerRebalanceListener {

    static final long CHECK_EVERY_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(RecreatedTopics.class);

    private final Admin admin;
    private final List<String> topics;
    private final Map<String, Uuid> ids = new HashMap<>();
    private final Set<String> fromBeginningWhenAssigned = new HashSet<>();
    private Consumer<?, ?> consumer;
    private long nextCheck;

    RecreatedTopics(Admin admin, List<String> topics) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
    }

    /** Compares the topics' ids with those seen before, when a check is due; a failed check waits for the next. */
    void check(Consumer<?, ?> reader) {
        this.consumer = reader;
        if (System.currentTimeMillis() < nextCheck) {
            return;
        }
        nextCheck = System.currentTimeMillis() + CHECK_EVERY_MS;
        admin.describeTopics(topics).topicNameValues().forEach(this::compare);
    }

    private void compare(String topic, KafkaFuture<TopicDescription> described) {
        Uuid id;
        try {
            id = described.get().topicId();
        } catch (ExecutionException e) {
            return;   // Absent now, or the broker did not answer: compared again at the next check.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Uuid before = ids.put(topic, id);
        if (before != null && !before.equals(id)) {
            LOG.warnf("Dead-letter topic %s was recreated: indexing it from its beginning", topic);
            List<TopicPartition> assigned = consumer.assignment().stream()
                    .filter(partition -> partition.topic().equals(topic)).toList();
            // Never an empty list: seekToBeginning of none seeks every assigned partition.
            if (assigned.isEmpty()) {
                fromBeginningWhenAssigned.add(topic);
            } else {
                consumer.seekToBeginning(assigned);
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        List<TopicPartition> recreated = partitions.stream()
                .filter(partition -> fromBeginningWhenAssigned.contains(partition.topic())).toList();
        if (!recreated.isEmpty() && consumer != null) {
            consumer.seekToBeginning(recreated);
            recreated.forEach(partition -> fromBeginningWhenAssigned.remove(partition.topic()));
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Nothing to hand over: what was indexed is committed after each batch.
    }
}
