package io.comanda.devstack.parts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JVM that starts real parts and then waits to be killed: the stand-in for a test JVM that dies
 * without running its shutdown hooks. Writes the PIDs it owns to the file named by its first argument.
 */
public final class StackOwner {

    public static void main(String[] args) throws Exception {
        Path pidFile = Path.of(args[0]);
        Path directory = Path.of(args[1]);
        PostgresServer postgres = PostgresServer.start(directory.resolve("postgres"), 0, true,
                directory.resolve("postgres.log"));
        KafkaProcess kafka = KafkaProcess.start(directory.resolve("kafka"), Ports.free(), Ports.free(),
                directory.resolve("kafka.log"));
        ChildProcess sleeper = ChildProcess.start("sleeper", List.of("sleep", "600"), directory, Map.of(),
                directory.resolve("sleeper.log"));
        long postmaster = Long.parseLong(Files.readAllLines(
                directory.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        Path written = Files.writeString(pidFile.resolveSibling(pidFile.getFileName() + ".tmp"),
                postmaster + "\n" + kafka.pid().orElseThrow() + "\n" + sleeper.pid() + "\n"
                        + kafka.bootstrapServers() + "\n");
        Files.move(written, pidFile);
        Thread.sleep(Long.MAX_VALUE);
    }
}
