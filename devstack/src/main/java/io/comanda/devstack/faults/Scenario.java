package io.comanda.devstack.faults;

import io.comanda.devstack.parts.StackPart;

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
        Instant injectAndRepair(PartControl parts, StripeFaults stripe, FaultSettings settings) throws InterruptedException;
    }

    /**
     * What the emulator answers in the Stripe scenario: one create of each kind of ambiguous answer first (so
     * that the build's short run sees each), then 5 % of creates executed and answered 500 or not within
     * the client's patience (25 s, past payments-service's 20 s read timeout).
     */
    static final String AMBIGUOUS_STRIPE = "{\"script\": [\"executedThen500\", \"executedThenTimeout\", \"refused500\"], "
            + "\"ambiguousRate\": 0.05, \"seed\": 22, \"hangMs\": 25000}";

    /** The seven scenarios, in the order they run. */
    static List<Scenario> all() {
        return List.of(
                new Scenario("kill -9 payments-service", (parts, stripe, settings) -> {
                    parts.run("kill", StackPart.PAYMENTS);
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", StackPart.PAYMENTS);
                }),
                new Scenario("kill -9 orders-service", (parts, stripe, settings) -> {
                    // The clients' requests in flight fail; they send them again with the same key.
                    parts.run("kill", StackPart.ORDERS);
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", StackPart.ORDERS);
                }),
                new Scenario("Kafka stopped " + "%d s", (parts, stripe, settings) -> {
                    parts.run("stop", StackPart.KAFKA);
                    Thread.sleep(settings.kafkaOutage().toMillis());
                    return parts.run("start", StackPart.KAFKA);
                }),
                new Scenario("PostgreSQL restarted", (parts, stripe, settings) -> parts.run("restart", StackPart.POSTGRES)),
                new Scenario("kill -9 Kafka Connect", (parts, stripe, settings) -> {
                    parts.run("kill", StackPart.CONNECT);
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", StackPart.CONNECT);
                }),
                new Scenario("orders-service started, Kafka down", (parts, stripe, settings) -> {
                    parts.run("stop", StackPart.KAFKA);
                    parts.run("kill", StackPart.ORDERS);
                    // It starts and takes orders without the broker; they are relayed once the broker is back.
                    parts.run("start", StackPart.ORDERS);
                    Thread.sleep(settings.hold().toMillis());
                    return parts.run("start", StackPart.KAFKA);
                }),
                new Scenario("Stripe answering ambiguously", (parts, stripe, settings) -> {
                    // Executed then 500, or answered after the client gave up (409s meanwhile): no second charge.
                    stripe.set(AMBIGUOUS_STRIPE);
                    try {
                        Thread.sleep(settings.hold().toMillis());
                    } finally {
                        stripe.clear();
                    }
                    return Instant.now();
                }));
    }

    /** The name as printed, with the settings' durations in it. */
    String title(FaultSettings settings) {
        return name.contains("%d") ? String.format(name, settings.kafkaOutage().toSeconds()) : name;
    }
}
