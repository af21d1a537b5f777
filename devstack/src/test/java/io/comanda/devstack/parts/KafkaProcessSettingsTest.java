package io.comanda.devstack.parts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server.properties of the local stack's broker alone, and of each node of its cluster. */
class KafkaProcessSettingsTest {

    private static final Path DATA = Path.of("/stack/kafka/data");
    private static final KafkaQuorum QUORUM = new KafkaQuorum("cluster-id", List.of(new KafkaQuorum.Node(1, 9092, 9093),
            new KafkaQuorum.Node(2, 9094, 9095), new KafkaQuorum.Node(3, 9096, 9097)));

    @Test
    void aBrokerAloneIsItsOwnQuorumWithOneCopyOfEachPartition() {
        Map<String, String> settings = KafkaProcess.standaloneSettings(DATA, 9092, 9093);

        assertThat(settings).containsEntry("node.id", "1")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .doesNotContainKey("controller.quorum.voters");
    }

    @Test
    void eachNodeOfTheClusterHasItsIdAndPortsAndKnowsEveryVoter() {
        for (KafkaQuorum.Node node : QUORUM.nodes()) {
            Map<String, String> settings = KafkaProcess.clusterNodeSettings(DATA, QUORUM, node.id());

            assertThat(settings).containsEntry("process.roles", "broker,controller")
                    .containsEntry("node.id", Integer.toString(node.id()))
                    .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097")
                    .containsEntry("listeners", "PLAINTEXT://127.0.0.1:" + node.port()
                            + ",CONTROLLER://127.0.0.1:" + node.controllerPort())
                    .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.port())
                    .doesNotContainKey("controller.quorum.bootstrap.servers");
        }
    }

    @Test
    void theClusterKeepsThreeCopiesAndAWriteWaitsForTwo() {
        Map<String, String> settings = KafkaProcess.clusterNodeSettings(DATA, QUORUM, 2);

        assertThat(settings).containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("unclean.leader.election.enable", "false")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void clientsBootstrapFromEveryNode() {
        assertThat(QUORUM.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
    }

    @Test
    void aNodeOutsideTheQuorumIsRefused() {
        assertThatThrownBy(() -> KafkaProcess.clusterNodeSettings(DATA, QUORUM, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no node 4");
    }
}
