package io.comanda.devstack.parts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings a Connect worker takes from its group: the same group and topics for every worker. */
class ConnectGroupTest {

    private static final Path PLUGINS = Path.of("/cache/debezium");

    @Test
    void theOneWorkerKeepsOneCopyOfTheGroupsTopicsAndKafkasRebalanceDelay() {
        List<String> settings = ConnectWorker.settings(ConnectGroup.ONE_WORKER, "127.0.0.1:9092", 8083, PLUGINS);

        assertThat(settings).contains("bootstrap.servers=127.0.0.1:9092", "group.id=comanda-connect",
                "config.storage.replication.factor=1", "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1", "listeners=http://127.0.0.1:8083", "rest.advertised.port=8083");
        assertThat(settings).noneMatch(line -> line.startsWith("scheduled.rebalance.max.delay.ms"));
    }

    @Test
    void workersOfAClusterShareTheGroupAndItsTopicsEachOnItsOwnPort() {
        ConnectGroup group = new ConnectGroup(2, TopicDurability.THREE_BROKERS);
        String brokers = "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096";

        List<String> first = ConnectWorker.settings(group, brokers, 8083, PLUGINS);
        List<String> second = ConnectWorker.settings(group, brokers, 8183, PLUGINS);

        assertThat(first).filteredOn(line -> line.contains("storage") || line.startsWith("group.id"))
                .isEqualTo(second.stream().filter(line -> line.contains("storage") || line.startsWith("group.id"))
                        .toList())
                .contains("config.storage.replication.factor=3", "offset.storage.replication.factor=3",
                        "status.storage.replication.factor=3");
        assertThat(first).contains("bootstrap.servers=" + brokers, "rest.advertised.port=8083");
        assertThat(second).contains("listeners=http://127.0.0.1:8183", "rest.advertised.port=8183");
    }

    @Test
    void aDepartedWorkersTasksMoveToTheOthersWithinSeconds() {
        List<String> settings = new ConnectGroup(2, TopicDurability.THREE_BROKERS).settings();

        assertThat(settings).contains("scheduled.rebalance.max.delay.ms=10000");
    }
}
