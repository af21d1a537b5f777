package io.comanda.devstack.faults;

import io.comanda.devstack.clients.ConnectorTasks;
import io.comanda.devstack.clients.PartitionLeaders;
import io.comanda.devstack.parts.PartInstance;
import io.comanda.devstack.parts.StackPart;
import io.comanda.events.Topic;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The faults of a cluster ({@code ./comanda up --cluster}: three brokers, two Connect workers, two
 * instances of each service), each injected under the suite's load and repaired as an operator would:
 * a broker that leads partitions lost, the broker quorum lost, a service instance of each kind lost
 * while its group rebalances, a member frozen past its session and waking with a batch in hand, a
 * rolling restart, the relay's worker lost, the database crashed, and where this machine lets the suite
 * change its firewall, a broker cut off from the others by the network.
 */
final class ClusterScenarios {

    /**
     * How long a frozen instance stays frozen: past its consumers' session timeout (10 s, platform's
     * {@code ConsumerChannelDefaults}), so that its group takes its partitions away while it holds a batch.
     */
    static final Duration FROZEN_FOR = Duration.ofSeconds(15);
    /**
     * How long a broker stays cut off: past the brokers' session with the controllers (9 s) and the time a
     * follower may lag before it leaves the in-sync replicas (30 s, {@code replica.lag.time.max.ms}).
     */
    static final Duration CUT_OFF_FOR = Duration.ofSeconds(40);
    /** How long a departed worker's task may take to move: Connect waits up to 10 s for the worker to return. */
    private static final Duration TASK_MOVES_WITHIN = Duration.ofSeconds(60);
    /** The connector whose worker is killed: the one relaying orders-service's outbox. */
    private static final String ORDERS_RELAY = "orders-outbox";

    private ClusterScenarios() {
    }

    /** The cluster's scenarios, in the order they run. */
    static List<Scenario> all(StackLayout layout, PrintStream out) {
        List<PartInstance> brokers = layout.instances(StackPart.KAFKA);
        List<PartInstance> secondInstances = StackPart.services().stream()
                .map(service -> layout.instances(service).get(1)).toList();
        PartInstance frozenPayments = layout.instances(StackPart.PAYMENTS).get(1);
        List<Scenario> scenarios = new ArrayList<>(List.of(
                new Scenario("kill -9 the broker leading " + Topic.ORDERS.topicName(), (parts, stripe, settings) -> {
                    int leader = PartitionLeaders.mostLeading(layout.kafkaBootstrapServers(), Topic.ORDERS.topicName());
                    PartInstance broker = new PartInstance(StackPart.KAFKA, leader);
                    out.println("    " + broker.operatorName() + " leads the most partitions of " + Topic.ORDERS.topicName());
                    parts.run("kill", broker);
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", broker);
                }),
                new Scenario("two of three brokers stopped " + "%d s", (parts, stripe, settings) -> {
                    // No quorum and no in-sync majority: orders are taken into the outbox, nothing is relayed.
                    List<PartInstance> stopped = brokers.subList(1, brokers.size());
                    stopped.forEach(broker -> parts.run("stop", broker));
                    Thread.sleep(settings.kafkaOutage().toMillis());
                    return parts.runTogether("start", stopped);
                }),
                new Scenario("kill -9 one instance of each service", (parts, stripe, settings) -> {
                    parts.runTogether("kill", secondInstances);
                    Thread.sleep(settings.hold().toMillis());
                    return parts.runTogether("start", secondInstances);
                }),
                new Scenario(frozenPayments.partName() + " frozen " + FROZEN_FOR.toSeconds() + " s",
                        (parts, stripe, settings) -> {
                            parts.run("freeze", frozenPayments);
                            Thread.sleep(FROZEN_FOR.toMillis());
                            return parts.run("thaw", frozenPayments);
                        }),
                new Scenario("rolling restart of every service", (parts, stripe, settings) -> {
                    Instant done = Instant.now();
                    for (StackPart service : StackPart.services()) {
                        for (PartInstance instance : layout.instances(service)) {
                            done = parts.run("restart", instance);
                        }
                    }
                    return done;
                }),
                new Scenario("kill -9 the Connect worker relaying orders", (parts, stripe, settings) -> {
                    ConnectorTasks tasks = new ConnectorTasks(layout.urls(StackPart.CONNECT));
                    PartInstance worker = workerRunning(layout, tasks.runningOn(ORDERS_RELAY))
                            .orElseThrow(() -> new IllegalStateException(ORDERS_RELAY + "'s task runs on no worker"));
                    parts.run("kill", worker);
                    awaitTaskMoved(layout, tasks, worker, out);
                    return parts.run("start", worker);
                }),
                new Scenario("kill -9 PostgreSQL", (parts, stripe, settings) -> {
                    parts.run("kill", StackPart.POSTGRES);
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", StackPart.POSTGRES);
                })));
        Optional<String> noPartition = BrokerPartition.unavailableBecause();
        if (noPartition.isPresent()) {
            out.println("No network partition on this machine: " + noPartition.get());
        } else {
            scenarios.add(brokerCutOff(layout, brokers.get(brokers.size() - 1), out));
        }
        return List.copyOf(scenarios);
    }

    /** {@code cutOff} unreachable from the other brokers and they from it, every client reaching all three. */
    private static Scenario brokerCutOff(StackLayout layout, PartInstance cutOff, PrintStream out) {
        return new Scenario(cutOff.operatorName() + " cut off from the other brokers " + CUT_OFF_FOR.toSeconds() + " s",
                (parts, stripe, settings) -> {
                    List<PartInstance> others = layout.instances(StackPart.KAFKA).stream()
                            .filter(broker -> !broker.equals(cutOff)).toList();
                    try (BrokerPartition partition = BrokerPartition.cut(parts.pid(cutOff), brokerPorts(layout, List.of(cutOff)),
                            others.stream().map(parts::pid).toList(), brokerPorts(layout, others))) {
                        out.println("    " + cutOff.operatorName() + " cut off from " + others.stream()
                                .map(PartInstance::operatorName).toList() + " (iptables, by cgroup)");
                        Thread.sleep(CUT_OFF_FOR.toMillis());
                    }
                    out.println("    the network healed");
                    return Instant.now();
                });
    }

    /** The client and controller ports of {@code brokers}. */
    private static List<Integer> brokerPorts(StackLayout layout, List<PartInstance> brokers) {
        return brokers.stream().flatMap(broker -> java.util.stream.Stream.of(broker.port(layout.ports()),
                broker.otherPort(layout.ports(), StackPart.KAFKA.controllerPortKey()))).toList();
    }

    private static Optional<PartInstance> workerRunning(StackLayout layout, Optional<Integer> restPort) {
        return restPort.flatMap(port -> layout.instances(StackPart.CONNECT).stream()
                .filter(worker -> worker.port(layout.ports()) == port).findFirst());
    }

    /** Waits until the relay's task runs on another worker than {@code killed}, and says where and when. */
    private static void awaitTaskMoved(StackLayout layout, ConnectorTasks tasks, PartInstance killed, PrintStream out)
            throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(TASK_MOVES_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            Optional<PartInstance> worker = workerRunning(layout, tasks.runningOn(ORDERS_RELAY));
            if (worker.isPresent() && !worker.get().equals(killed)) {
                out.printf("    %s's task moved to %s in %.1f s%n", ORDERS_RELAY, worker.get().operatorName(),
                        Duration.between(start, Instant.now()).toMillis() / 1000.0);
                return;
            }
            Thread.sleep(500);
        }
        out.printf("    %s's task did not move within %d s%n", ORDERS_RELAY, TASK_MOVES_WITHIN.toSeconds());
    }
}
