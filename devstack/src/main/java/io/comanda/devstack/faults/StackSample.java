package io.comanda.devstack.faults;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the soak reads of the stack at one moment: the parts' resident memory, every service table's row
 * count, every Comanda topic's size, the WAL each replication slot holds back and each consumer group's
 * lag. A reading that failed (the broker stopped by a fault) leaves its map empty.
 *
 * @param at          since the soak started
 * @param memory      by part ({@code orders}, {@code kafka}, ...)
 * @param rows        by {@code <database>.<table>}, e.g. {@code orders.outbox}
 * @param topics      by topic
 * @param walRetained bytes by replication slot: {@code pg_current_wal_lsn() - restart_lsn}
 * @param lag         records not yet committed, by consumer group
 */
record StackSample(Duration at, Map<String, PartMemory> memory, Map<String, Long> rows, Map<String, TopicSize> topics,
                   Map<String, Long> walRetained, Map<String, Long> lag) {

    StackSample {
        memory = new TreeMap<>(memory);
        rows = new TreeMap<>(rows);
        topics = new TreeMap<>(topics);
        walRetained = new TreeMap<>(walRetained);
        lag = new TreeMap<>(lag);
    }

    /**
     * One part's processes.
     *
     * @param pid    its process; another pid in a later sample means it was started again meanwhile
     * @param rssMib its resident memory with its descendants' (PostgreSQL's backends)
     */
    record PartMemory(long pid, long rssMib) {
    }

    /**
     * @param bytes   on the broker's disk, every partition
     * @param records between the partitions' first and last offsets
     */
    record TopicSize(long bytes, long records) {
    }
}
