package io.comanda.devstack.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * What the soak reads of the broker through the Admin API: each Comanda topic's size on disk
 * ({@code describeLogDirs}) and in records (its partitions' first to last offsets), and each consumer
 * group's lag (records past its committed offsets).
 */
final class KafkaFootprint implements AutoCloseable {

    /** The topics of Comanda's events and of its consumers' retries, dead letters and replays. */
    private static final String TOPIC_PREFIX = "comanda.";

    private final Admin admin;

    KafkaFootprint(String bootstrapServers) {
        // A sample taken while the broker is stopped gives up within seconds; the next interval reads again.
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** Bytes and records by Comanda topic. */
    Map<String, StackSample.TopicSize> topics() throws ExecutionException, InterruptedException {
        List<String> names = admin.listTopics().names().get().stream().filter(n -> n.startsWith(TOPIC_PREFIX)).toList();
        Map<String, Long> bytes = new HashMap<>();
        List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    bytes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                }
            }
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
            });
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first = admin.listOffsets(earliest).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> last = admin.listOffsets(latest).all().get();
        Map<String, Long> records = new HashMap<>();
        last.forEach((partition, end) -> records.merge(partition.topic(),
                end.offset() - first.get(partition).offset(), Long::sum));
        Map<String, StackSample.TopicSize> sizes = new HashMap<>();
        names.forEach(name -> sizes.put(name, new StackSample.TopicSize(bytes.getOrDefault(name, 0L),
                records.getOrDefault(name, 0L))));
        return sizes;
    }

    /** Records past each consumer group's committed offsets, summed over its partitions, by group. */
    Map<String, Long> lag() throws ExecutionException, InterruptedException {
        Map<String, Long> lag = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            long behind = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                    : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                behind += Math.max(0, end.getValue().offset() - (offset == null ? 0 : offset.offset()));
            }
            lag.put(group.groupId(), behind);
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
