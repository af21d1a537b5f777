package io.comanda.devstack.cli;

import io.comanda.devstack.faults.StackLayout;
import io.comanda.devstack.parts.ConnectGroup;
import io.comanda.devstack.parts.PartInstance;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;
import io.comanda.devstack.parts.TopicDurability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How many instances of each part the local stack runs: one of each ({@code ./comanda up}), or a cluster
 * ({@code ./comanda up --cluster}) of three Kafka brokers, two Kafka Connect workers and two instances of
 * each service, which shows what a broker, a worker or a service instance lost does to the orders in
 * flight. The other parts are one in either mode.
 */
enum StackMode {

    SINGLE(1, 1, 1, TopicDurability.ONE_BROKER, PostgresServer.MAX_CONNECTIONS, "data"),
    // Each service instance holds its reactive pool at its largest (orders 32, search 16, the others Quarkus'
    // 20) and Flyway's JDBC connection, which the readiness check keeps: about 90 a set of four, 180 for two,
    // and beside them the relay's and the tools' (reconcile, the soak's probes).
    CLUSTER(3, 2, 2, TopicDurability.THREE_BROKERS, 300, "cluster-data");

    /**
     * A port the stack listens on.
     *
     * @param name     what listens, e.g. {@code kafka-2-controller}
     * @param port     the port
     * @param variable the variable that moves it (for a later instance: the first's, which moves them all)
     */
    record ListeningPort(String name, int port, String variable) {
    }

    private final int brokers;
    private final int workers;
    private final int serviceInstances;
    private final TopicDurability durability;
    private final int databaseConnections;
    private final String dataFolder;

    StackMode(int brokers, int workers, int serviceInstances, TopicDurability durability, int databaseConnections,
              String dataFolder) {
        this.brokers = brokers;
        this.workers = workers;
        this.serviceInstances = serviceInstances;
        this.durability = durability;
        this.databaseConnections = databaseConnections;
        this.dataFolder = dataFolder;
    }

    /** The mode {@code ./comanda up} was asked for. */
    static StackMode of(List<String> upArguments) {
        return upArguments.contains("--cluster") ? CLUSTER : SINGLE;
    }

    /** As the launcher remembers it, e.g. {@code cluster}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<StackMode> labelled(String label) {
        return Arrays.stream(values()).filter(mode -> mode.label().equals(label.trim())).findFirst();
    }

    /** The instances of {@code part}, the first first. */
    List<PartInstance> instances(StackPart part) {
        int count = part == StackPart.KAFKA ? brokers
                : part == StackPart.CONNECT ? workers
                : part.isService() ? serviceInstances : 1;
        return IntStream.rangeClosed(1, count).mapToObj(number -> new PartInstance(part, number)).toList();
    }

    /** What every Kafka client of the stack bootstraps from: each broker, so that any one may be down. */
    String kafkaBootstrapServers(StackPorts ports) {
        return instances(StackPart.KAFKA).stream().map(broker -> "127.0.0.1:" + broker.port(ports))
                .collect(Collectors.joining(","));
    }

    /** Its instances on {@code ports}, as the fault suite reaches them. */
    StackLayout layout(StackPorts ports) {
        return new StackLayout(ports, Arrays.stream(StackPart.values())
                .collect(Collectors.toMap(part -> part, part -> instances(part).size())));
    }

    /** The durability of the topics, as many copies as the brokers can hold. */
    TopicDurability durability() {
        return durability;
    }

    /** The group of the stack's Connect workers. */
    ConnectGroup connectGroup() {
        return new ConnectGroup(workers, durability);
    }

    /** PostgreSQL's {@code max_connections}: what every service instance's pools, the relay and the tools hold. */
    int databaseConnections() {
        return databaseConnections;
    }

    /**
     * The folder of {@code .comanda} with the parts' data. Each mode has its own: a broker formatted as its own
     * quorum cannot join three, the topics of one broker have one copy, and the database's replication slots
     * must match the relay's offsets kept in those topics.
     */
    String dataFolder() {
        return dataFolder;
    }

    /** Every port the stack listens on, each part's instances in the order of the tables. */
    List<ListeningPort> listeningPorts(StackPorts ports) {
        List<ListeningPort> listening = new ArrayList<>();
        for (StackPart part : StackPart.values()) {
            for (PartInstance instance : instances(part)) {
                listening.add(new ListeningPort(instance.operatorName(), instance.port(ports), part.portVariable()));
                for (String key : part.otherPorts().keySet()) {
                    listening.add(new ListeningPort(instance.portName(key), instance.otherPort(ports, key),
                            StackPorts.variable(key)));
                }
            }
        }
        return listening;
    }
}
