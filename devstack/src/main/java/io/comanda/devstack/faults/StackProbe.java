package io.comanda.devstack.faults;

import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.clients.PartStatus;
import io.comanda.devstack.parts.ProcessTreeUsage;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Reads a {@link StackSample} of the running stack: each running part's resident memory from
 * {@code /proc} (its process and descendants, not the other parts'), the database's and the broker's
 * footprints. What cannot be read at the moment (a part stopped by a fault) is left out of that sample
 * and said so.
 */
final class StackProbe implements AutoCloseable {

    private final ControlClient launcher;
    private final DatabaseFootprint database;
    private final KafkaFootprint kafka;
    private final Instant start;
    private final PrintStream out;

    StackProbe(ControlClient launcher, DatabaseFootprint database, KafkaFootprint kafka, Instant start,
               PrintStream out) {
        this.launcher = launcher;
        this.database = database;
        this.kafka = kafka;
        this.start = start;
        this.out = out;
    }

    StackSample sample() {
        Duration at = Duration.between(start, Instant.now());
        StackSample sample = new StackSample(at, read("memory", this::memory), read("rows", database::rows),
                read("topics", kafka::topics), read("WAL", database::walRetained), read("lag", kafka::lag));
        out.printf("    %s sampled: %d parts, %d tables, %d topics, %d slots, %d groups%n", SoakReport.clock(at),
                sample.memory().size(), sample.rows().size(), sample.topics().size(), sample.walRetained().size(),
                sample.lag().size());
        return sample;
    }

    private Map<String, StackSample.PartMemory> memory() {
        List<PartStatus> parts = launcher.parts().stream()
                .filter(part -> "running".equals(part.state()) && part.pid() != null).toList();
        List<Long> roots = parts.stream().map(PartStatus::pid).filter(Objects::nonNull).toList();
        Map<String, StackSample.PartMemory> memory = new HashMap<>();
        for (PartStatus part : parts) {
            memory.put(part.part(), new StackSample.PartMemory(part.pid(), ProcessTreeUsage.rssMib(part.pid(),
                    roots.stream().filter(pid -> !pid.equals(part.pid())).toList())));
        }
        return memory;
    }

    private <T> Map<String, T> read(String what, Callable<Map<String, T>> reading) {
        try {
            return reading.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            out.println("    " + what + " not read this time: " + e);
            return Map.of();
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
