package io.comanda.platform;

import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The topics of a consumer channel ({@link ProbeConsumer}'s) exist on a real broker with the settings the
 * platform states: dead letters kept until resolved, retries and replays briefly, every one durable; and a
 * setting changed by hand is set back by the next check ({@code comanda.kafka.topics.check-every}).
 */
@QuarkusTest
class ConsumerTopicSettingsIT {

    private static final String PREFIX = Topic.ORDERS.topicName() + "." + ProbeConsumer.GROUP;
    private static final String DEAD_LETTERS = PREFIX + ".dlq";
    private static final String RETRIES = PREFIX + ".retry_100";
    private static final String REPLAYS = PREFIX + ".replay";

    @Test
    void deadLettersAreKeptUntilResolvedWhateverTheBrokersDefault() throws Exception {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(configOf(admin, DEAD_LETTERS))
                    .containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1")
                    .containsEntry("cleanup.policy", "delete"));
        }
    }

    @Test
    void retriesAndReplaysAreKeptBriefly() throws Exception {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(configOf(admin, RETRIES)).containsEntry("retention.ms", "259200000");
                assertThat(configOf(admin, REPLAYS)).containsEntry("retention.ms", "604800000");
            });
        }
    }

    @Test
    void everyTopicOfTheChannelWaitsForItsInSyncReplicasAndNeverElectsAnUncleanLeader() throws Exception {
        try (Admin admin = admin()) {
            for (String topic : List.of(Topic.ORDERS.topicName(), DEAD_LETTERS, RETRIES, REPLAYS)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(configOf(admin, topic)).as(topic)
                        .containsEntry("min.insync.replicas", "1")
                        .containsEntry("unclean.leader.election.enable", "false"));
            }
        }
    }

    @Test
    void aDeadLetterRetentionChangedByHandIsSetBack() throws Exception {
        try (Admin admin = admin()) {
            ConfigResource deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, DEAD_LETTERS);
            admin.incrementalAlterConfigs(Map.of(deadLetters, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "604800000"), AlterConfigOp.OpType.SET)))).all().get();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(configOf(admin, DEAD_LETTERS)).containsEntry("retention.ms", "-1"));
        }
    }

    static Map<String, String> configOf(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.entries().stream().collect(java.util.stream.Collectors.toMap(ConfigEntry::name,
                entry -> String.valueOf(entry.value())));
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)));
    }
}
