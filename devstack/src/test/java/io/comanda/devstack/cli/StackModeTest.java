package io.comanda.devstack.cli;

import io.comanda.devstack.parts.PartInstance;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;
import io.comanda.devstack.parts.TopicDurability;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What each mode of the local stack runs, on which ports, and how durable its topics are. */
class StackModeTest {

    private static final StackPorts DEFAULT_PORTS = StackPorts.from(Map.of());

    @Test
    void upWithoutOptionsRunsOneOfEachPartOnTheCataloguesPorts() {
        StackMode mode = StackMode.of(List.of("up", "--fresh"));

        assertThat(mode).isEqualTo(StackMode.SINGLE);
        assertThat(Arrays.stream(StackPart.values()).flatMap(part -> mode.instances(part).stream()))
                .containsExactlyElementsOf(Arrays.stream(StackPart.values()).map(PartInstance::first).toList());
        assertThat(mode.listeningPorts(DEFAULT_PORTS)).extracting(StackMode.ListeningPort::name)
                .containsExactlyInAnyOrderElementsOf(StackPorts.parts());
        assertThat(portsByName(mode)).containsAllEntriesOf(StackPart.defaultPorts());
        assertThat(mode.kafkaBootstrapServers(DEFAULT_PORTS)).isEqualTo("127.0.0.1:9092");
        assertThat(mode.durability()).isEqualTo(TopicDurability.ONE_BROKER);
        assertThat(mode.databaseConnections()).isEqualTo(PostgresServer.MAX_CONNECTIONS);
        assertThat(mode.dataFolder()).isEqualTo("data");
    }

    @Test
    void aClusterRunsThreeBrokersTwoWorkersAndTwoOfEachService() {
        StackMode mode = StackMode.of(List.of("up", "--cluster", "--fresh"));

        assertThat(mode).isEqualTo(StackMode.CLUSTER);
        assertThat(mode.instances(StackPart.KAFKA)).extracting(PartInstance::operatorName)
                .containsExactly("kafka", "kafka-2", "kafka-3");
        assertThat(mode.instances(StackPart.CONNECT)).extracting(PartInstance::operatorName)
                .containsExactly("connect", "connect-2");
        assertThat(StackPart.services()).allSatisfy(service -> assertThat(mode.instances(service)).hasSize(2));
        assertThat(mode.instances(StackPart.POSTGRES)).hasSize(1);
        assertThat(mode.instances(StackPart.KEYCLOAK)).hasSize(1);
        assertThat(mode.connectGroup().workers()).isEqualTo(2);
    }

    @Test
    void theClustersLaterInstancesListenBesideTheFirstsPortsEachPortOnce() {
        Map<String, Integer> ports = portsByName(StackMode.CLUSTER);

        assertThat(ports).containsEntry("kafka", 9092).containsEntry("kafka-controller", 9093)
                .containsEntry("kafka-2", 9094).containsEntry("kafka-2-controller", 9095)
                .containsEntry("kafka-3", 9096).containsEntry("kafka-3-controller", 9097)
                .containsEntry("connect-2", 8183)
                .containsEntry("orders-2", 8181).containsEntry("orders-2-management", 9181)
                .containsEntry("payments-2", 8182).containsEntry("payments-2-management", 9182)
                .containsEntry("notifications-2", 8184).containsEntry("notifications-2-management", 9184)
                .containsEntry("search-2", 8185).containsEntry("search-2-management", 9185);
        assertThat(ports.values()).doesNotHaveDuplicates();
    }

    @Test
    void aBusyPortOfALaterInstanceNamesTheVariableOfTheFirstWhichMovesBoth() {
        assertThat(StackMode.CLUSTER.listeningPorts(DEFAULT_PORTS))
                .filteredOn(port -> port.name().equals("kafka-3-controller") || port.name().equals("orders-2"))
                .extracting(StackMode.ListeningPort::variable)
                .containsExactly("COMANDA_KAFKA_CONTROLLER_PORT", "COMANDA_ORDERS_PORT");
    }

    @Test
    void everyClientOfTheClusterBootstrapsFromEveryBroker() {
        assertThat(StackMode.CLUSTER.kafkaBootstrapServers(DEFAULT_PORTS))
                .isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(StackMode.CLUSTER.durability()).isEqualTo(TopicDurability.THREE_BROKERS);
    }

    @Test
    void eachModeKeepsItsDataApartAndIsRememberedByItsLabel() {
        assertThat(StackMode.CLUSTER.dataFolder()).isNotEqualTo(StackMode.SINGLE.dataFolder());
        assertThat(StackMode.labelled(StackMode.CLUSTER.label() + "\n")).contains(StackMode.CLUSTER);
        assertThat(StackMode.labelled("swarm")).isEmpty();
    }

    @Test
    void theDatabaseTakesMoreConnectionsForTwiceTheServicePools() {
        assertThat(StackMode.CLUSTER.databaseConnections()).isGreaterThan(StackMode.SINGLE.databaseConnections());
    }

    private static Map<String, Integer> portsByName(StackMode mode) {
        return mode.listeningPorts(DEFAULT_PORTS).stream()
                .collect(Collectors.toMap(StackMode.ListeningPort::name, StackMode.ListeningPort::port));
    }

    @Test
    void theFaultSuiteReachesEveryInstanceOfACluster() {
        io.comanda.devstack.faults.StackLayout cluster = StackMode.CLUSTER.layout(DEFAULT_PORTS);
        io.comanda.devstack.faults.StackLayout single = StackMode.SINGLE.layout(DEFAULT_PORTS);

        assertThat(cluster.cluster()).isTrue();
        assertThat(single.cluster()).isFalse();
        assertThat(cluster.urls(StackPart.ORDERS)).containsExactly("http://127.0.0.1:8081", "http://127.0.0.1:8181");
        assertThat(cluster.managementUrls(StackPart.PAYMENTS))
                .containsExactly("http://127.0.0.1:9082", "http://127.0.0.1:9182");
        assertThat(cluster.urls(StackPart.POSTGRES)).containsExactly("http://127.0.0.1:5432");
        assertThat(cluster.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(single.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    }
}
