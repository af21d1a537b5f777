package io.comanda.devstack.parts;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A one-node KRaft broker inside this JVM, for tests: ready in seconds and gone with the JVM, so it
 * can never be orphaned.
 */
public final class EmbeddedKafka implements KafkaBroker {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a broker with its data under {@code baseDirectory}; ready once a record is read back. */
    public static EmbeddedKafka start(Path baseDirectory) {
        KafkaClusterTestKit cluster;
        try {
            Files.createDirectories(baseDirectory);
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // The kit's default is an unreleased metadata version.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setBaseDirectory(baseDirectory)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            KafkaSettings.singleNode().forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process Kafka broker: " + e.getMessage(), e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(cluster);
        return ManagedPart.awaitReady(kafka, KafkaProbe.within(Duration.ofSeconds(60), kafka.bootstrapServers()));
    }

    @Override
    public String name() {
        return StackPart.KAFKA.partName();
    }

    @Override
    public String address() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the in-process Kafka broker", e);
        }
    }

    /** Broker settings shared by the in-process and the separate-JVM broker, and by the brokers of a cluster. */
    static final class KafkaSettings {
        private KafkaSettings() {
        }

        static Map<String, String> singleNode() {
            return of(TopicDurability.ONE_BROKER);
        }

        static Map<String, String> of(TopicDurability durability) {
            String replicas = Short.toString(durability.replicationFactor());
            String inSync = Integer.toString(durability.minInsyncReplicas());
            return Map.ofEntries(
                    // Topics are created on purpose (catalogue, retry and dead-letter topics), never by a typo.
                    Map.entry("auto.create.topics.enable", "false"),
                    // What a topic created without its own settings gets, e.g. by Kafka Connect.
                    Map.entry("default.replication.factor", replicas),
                    Map.entry("min.insync.replicas", inSync),
                    Map.entry("unclean.leader.election.enable", "false"),
                    Map.entry("offsets.topic.replication.factor", replicas),
                    Map.entry("transaction.state.log.replication.factor", replicas),
                    Map.entry("transaction.state.log.min.isr", inSync),
                    Map.entry("share.coordinator.state.topic.replication.factor", replicas),
                    Map.entry("share.coordinator.state.topic.min.isr", inSync),
                    // A lone consumer should not wait 3 s for company before it gets its partitions.
                    Map.entry("group.initial.rebalance.delay.ms", "0"),
                    Map.entry("num.partitions", "3"));
        }
    }
}
