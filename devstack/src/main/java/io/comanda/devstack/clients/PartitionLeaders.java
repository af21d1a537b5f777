package io.comanda.devstack.clients;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which broker leads a topic's partitions, as the cluster's metadata says now. */
public final class PartitionLeaders {

    private PartitionLeaders() {
    }

    /**
     * The {@code node.id} of the broker leading most of {@code topic}'s partitions (the lowest id of those
     * tied): the broker whose loss moves the most leaders.
     */
    public static int mostLeading(String bootstrapServers, String topic) {
        Map<Integer, Long> led = leaders(bootstrapServers, topic).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return led.entrySet().stream()
                .max(Comparator.comparingLong((Map.Entry<Integer, Long> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no partition of " + topic + " has a leader"));
    }

    /** The leader's {@code node.id} of each of {@code topic}'s partitions that has one, in partition order. */
    public static List<Integer> leaders(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().stream()
                    .map(TopicPartitionInfo::leader)
                    .filter(leader -> leader != null && !leader.isEmpty())
                    .map(leader -> leader.id()).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        }
    }
}
