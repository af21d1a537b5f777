package io.comanda.devstack.faults;

import java.time.Duration;

/**
 * How hard and how long the fault suite pushes.
 *
 * @param ordersPerSecond the load's steady rate
 * @param before          load before each fault
 * @param hold            how long a killed part stays dead (and, in the last scenario, how long orders-service
 *                        serves while Kafka is down)
 * @param after           load after the repair
 * @param kafkaOutage     how long Kafka stays stopped in its own scenario
 * @param quietWithin     how long the stack may take to finish every order once the load has stopped
 */
public record FaultSettings(int ordersPerSecond, Duration before, Duration hold, Duration after, Duration kafkaOutage,
                            Duration quietWithin) {

    public FaultSettings {
        if (ordersPerSecond < 1 || ordersPerSecond > 1000 || kafkaOutage.isNegative()) {
            throw new IllegalArgumentException("the rate must be 1 to 1000 orders a second, the outage 0 s or more");
        }
    }

    /**
     * The most clients the load keeps waiting for their answer at once: a minute of it, so that a part may
     * take a minute to come back under the whole load (1,200 at the full run's 20 orders a second).
     */
    public int maxClientsInFlight() {
        return ordersPerSecond * 60;
    }

    /** The documented full run: the 30 s without Kafka, and enough orders to see each fault's backlog. */
    public static FaultSettings full() {
        return new FaultSettings(20, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /**
     * The full run on a cluster: half the rate, since the same two cores carry twice the processes. At 20
     * orders a second a rolling restart there left clients waiting past their five minutes.
     */
    public static FaultSettings fullOnCluster() {
        FaultSettings full = full();
        return new FaultSettings(10, full.before(), full.hold(), full.after(), full.kafkaOutage(), full.quietWithin());
    }

    /** Every scenario with fewer orders and shorter outages: what the build runs. */
    public static FaultSettings shortened() {
        return new FaultSettings(5, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofMinutes(3));
    }
}
