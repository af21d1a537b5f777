package io.comanda.devstack.parts;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka Connect group a worker joins: every worker of the stack shares its id and its three topics
 * (connector configurations, source offsets, task states), so a connector registered with one runs on
 * whichever worker the group gives it to.
 *
 * @param workers    how many workers the group has
 * @param durability the durability of its topics, as of the stack's other topics
 */
public record ConnectGroup(int workers, TopicDurability durability) {

    /** The local stack's one worker on its one broker. */
    public static final ConnectGroup ONE_WORKER = new ConnectGroup(1, TopicDurability.ONE_BROKER);

    /**
     * How long the group keeps a departed worker's connectors and tasks for it before giving them to the
     * others: Kafka's 5 minutes suit a worker that restarts after a deployment; here a worker that is gone
     * has been stopped or killed, and the outbox waits while its relay is assigned to nobody.
     */
    static final int DEPARTED_WORKER_WAIT_MS = 10_000;

    public ConnectGroup {
        if (workers < 1) {
            throw new IllegalArgumentException("a group has at least one worker, not " + workers);
        }
    }

    /** The group's lines of a worker's {@code connect-distributed.properties}. */
    List<String> settings() {
        List<String> settings = new ArrayList<>(List.of(
                "group.id=comanda-connect",
                "config.storage.topic=comanda-connect-configs",
                "offset.storage.topic=comanda-connect-offsets",
                "status.storage.topic=comanda-connect-status",
                "config.storage.replication.factor=" + durability.replicationFactor(),
                "offset.storage.replication.factor=" + durability.replicationFactor(),
                "status.storage.replication.factor=" + durability.replicationFactor()));
        if (workers > 1) {
            settings.add("scheduled.rebalance.max.delay.ms=" + DEPARTED_WORKER_WAIT_MS);
        }
        return settings;
    }
}
