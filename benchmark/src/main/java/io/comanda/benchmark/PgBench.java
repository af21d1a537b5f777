package io.comanda.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench of the SQL transaction orders-service runs per order (same statements, same tables), on
 * the same server: the most the database could do, the ceiling for the service. The script is made
 * from the service's statements ({@link PlacementScript}), or is {@code place-order-legacy.sql}, a
 * resource next to this class (what the service sent through the ORM).
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private PgBench() {
    }

    static Optional<Path> executable() {
        for (String candidate : List.of("/usr/bin/pgbench", "/usr/local/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            return dirs.map(d -> d.resolve("bin/pgbench")).filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Transactions per second of the order transaction of {@code script} at {@code clients} connections. */
    static double ordersPerSecond(Path pgbench, PgBenchScript script, Path workDirectory, int port, String database,
                                  int clients, Duration duration) throws IOException, InterruptedException {
        Path file = workDirectory.resolve(script.name().replaceAll("[^A-Za-z0-9.-]+", "-") + ".pgbench");
        Files.createDirectories(workDirectory);
        Files.writeString(file, script.text());
        List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres", "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", "2", "-T", Long.toString(duration.toSeconds()), "-f", file.toString()));
        script.variables().forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGPASSWORD", "postgres"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IOException("no tps in pgbench output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }
}
