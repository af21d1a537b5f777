package io.comanda.devstack.parts;

import io.comanda.events.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The one place devstack creates topics: the catalogue topics of a fresh broker, and its readiness probe's,
 * with the durability settings every Comanda topic states (the services' {@code comanda.kafka.topics.*}),
 * for the local stack's single broker unless a {@link TopicDurability} says otherwise.
 */
public final class KafkaTopics {

    /** One broker: one copy of each partition. The relay's and the services' topics take the same. */
    public static final short REPLICATION_FACTOR = 1;
    /** One broker: its copy is the only in-sync replica a write with {@code acks=all} waits for. */
    public static final int MIN_INSYNC_REPLICAS = 1;

    private KafkaTopics() {
    }

    /** Every topic of the catalogue ({@link Topic}), with its default partition count. */
    public static Map<String, Integer> catalogue() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            topics.put(topic.topicName(), Topic.DEFAULT_PARTITIONS);
        }
        return topics;
    }

    /**
     * Creates the topics that do not exist yet on the broker at {@code bootstrapServers} (replication
     * {@value #REPLICATION_FACTOR}, no unclean leader), a catalogue topic with the catalogue's settings
     * ({@link Topic#topicConfigOf}, e.g. its retention).
     */
    public static void createMissing(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        createMissing(bootstrapServers, partitionsByTopic, TopicDurability.ONE_BROKER);
    }

    /** {@link #createMissing(String, Map)} on the brokers at {@code bootstrapServers}, as durable as {@code durability}. */
    public static void createMissing(String bootstrapServers, Map<String, Integer> partitionsByTopic,
                                     TopicDurability durability) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), durability.replicationFactor())
                            .configs(settingsOf(e.getKey(), durability)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + partitionsByTopic.keySet(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a topic is created with: durable as every Comanda topic, and the catalogue's settings. */
    static Map<String, String> settingsOf(String topic, TopicDurability durability) {
        Map<String, String> settings = new HashMap<>(Topic.topicConfigOf(topic));
        settings.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(durability.minInsyncReplicas()));
        settings.put(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
        return settings;
    }
}
