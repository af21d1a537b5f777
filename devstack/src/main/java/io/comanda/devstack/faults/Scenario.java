package io.comanda.devstack.faults;

import java.time.Instant;
import java.util.List;

/**
 * One fault the suite injects under load, and how it is repaired.
 *
 * @param name  its row in the table
 * @param fault injects the fault and repairs it, returning the moment of the repair
 */
record Scenario(String name, Fault fault) {

    /** The fault's steps, run while the load goes on. */
    @FunctionalInterface
    interface Fault {
        Instant injectAndRepair(PartControl parts, FaultSettings settings) throws InterruptedException;
    }

    /** The six scenarios, in the order they run. */
    static List<Scenario> all() {
        return List.of(
                new Scenario("kill -9 payments-service", (parts, settings) -> {
                    parts.run("kill", "payments");
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", "payments");
                }),
                new Scenario("kill -9 orders-service", (parts, settings) -> {
                    // The clients' requests in flight fail; they send them again with the same key.
                    parts.run("kill", "orders");
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", "orders");
                }),
                new Scenario("Kafka stopped " + "%d s", (parts, settings) -> {
                    parts.run("stop", "kafka");
                    Thread.sleep(settings.kafkaOutage().toMillis());
                    return parts.run("start", "kafka");
                }),
                new Scenario("PostgreSQL restarted", (parts, settings) -> parts.run("restart", "postgres")),
                new Scenario("kill -9 Kafka Connect", (parts, settings) -> {
                    parts.run("kill", "connect");
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", "connect");
                }),
                new Scenario("orders-service started, Kafka down", (parts, settings) -> {
                    parts.run("stop", "kafka");
                    parts.run("kill", "orders");
                    // It starts and takes orders without the broker; they are relayed once the broker is back.
                    parts.run("start", "orders");
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", "kafka");
                }));
    }

    /** The name as printed, with the settings' durations in it. */
    String title(FaultSettings settings) {
        return name.contains("%d") ? String.format(name, settings.kafkaOutage().toSeconds()) : name;
    }
}
