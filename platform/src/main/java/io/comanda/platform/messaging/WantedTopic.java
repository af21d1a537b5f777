package io.comanda.platform.messaging;

import java.util.Map;

/**
 * A topic as the platform wants it: at least {@code partitions} partitions, and {@code configs} set.
 *
 * @param name       the topic
 * @param partitions how many partitions it is created with, or grown to when it has fewer
 * @param configs    the topic settings it is created with, and set back to when they differ
 */
record WantedTopic(String name, int partitions, Map<String, String> configs) {

    WantedTopic {
        configs = Map.copyOf(configs);
    }
}
