package io.comanda.devstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A network partition between brokers that share one loopback interface: one broker cut off from the
 * others in both directions, while every client still reaches all three. A port alone cannot tell a
 * broker's connection from a client's: the brokers' processes are put in two cgroups (the one cut off,
 * the rest), and {@code iptables} drops what each group sends to the other's ports
 * ({@code -m cgroup --path}). A socket keeps the cgroup it was opened in, so the connections already open
 * between the two sides are found in {@code /proc} (each side's sockets, paired by their ports) and
 * dropped by their port pairs. Needs root, {@code iptables} and a cgroup v2 hierarchy; {@link #unavailableBecause()} says
 * what is missing. {@link #heal()} removes the rules and puts the processes back.
 */
public final class BrokerPartition implements AutoCloseable {

    private static final String CUT_OFF = "comanda-cut-off";
    private static final String THE_REST = "comanda-the-rest";
    /** Marks every rule, so that a run killed before it healed leaves none behind for the next. */
    private static final String MARK = "comanda-partition";

    private final Path hierarchy;
    private final List<List<String>> rules = new ArrayList<>();
    /** Each process moved, with the group it came from (relative to the hierarchy's root). */
    private final Map<Long, String> moved = new LinkedHashMap<>();

    private BrokerPartition(Path hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** Why this machine cannot cut a broker off; empty when it can. */
    public static Optional<String> unavailableBecause() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("it takes root to change the firewall");
        }
        if (run(List.of("iptables", "-w", "-S", "OUTPUT")) != 0) {
            return Optional.of("iptables is not installed or not allowed here");
        }
        return cgroupHierarchy().isPresent() ? Optional.empty() : Optional.of("no cgroup v2 hierarchy is mounted");
    }

    /**
     * Cuts the broker process {@code cutOff} (listening on {@code cutOffPorts}) off from the processes of the
     * other brokers (listening on {@code otherPorts}).
     */
    static BrokerPartition cut(long cutOff, List<Integer> cutOffPorts, List<Long> others, List<Integer> otherPorts) {
        Path hierarchy = cgroupHierarchy().orElseThrow(() -> new IllegalStateException("no cgroup v2 hierarchy"));
        BrokerPartition partition = new BrokerPartition(hierarchy);
        removeLeftoverRules();
        try {
            partition.move(cutOff, CUT_OFF);
            others.forEach(pid -> partition.move(pid, THE_REST));
            otherPorts.forEach(port -> partition.drop(CUT_OFF, port));
            cutOffPorts.forEach(port -> partition.drop(THE_REST, port));
            for (LoopbackConnection connection : LoopbackConnection.between(List.of(cutOff), others)) {
                partition.drop(connection.localPort(), connection.remotePort());
                partition.drop(connection.remotePort(), connection.localPort());
            }
            return partition;
        } catch (RuntimeException e) {
            partition.heal();
            throw e;
        }
    }

    /** Removes the rules and puts the processes back in the groups they came from. */
    void heal() {
        for (List<String> rule : rules) {
            List<String> delete = new ArrayList<>(rule);
            delete.set(delete.indexOf("-A"), "-D");
            run(delete);
        }
        rules.clear();
        moved.forEach((pid, from) -> {
            try {
                Files.writeString(hierarchy.resolve(from).resolve("cgroup.procs"), Long.toString(pid));
            } catch (IOException e) {
                // It has ended: nothing to put back.
            }
        });
        moved.clear();
        for (String group : List.of(CUT_OFF, THE_REST)) {
            try {
                Files.deleteIfExists(hierarchy.resolve(group));
            } catch (IOException e) {
                // Still holds a process that was started meanwhile: left for the next heal.
            }
        }
    }

    @Override
    public void close() {
        heal();
    }

    private void move(long pid, String group) {
        try {
            String from = Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup")).stream()
                    .filter(line -> line.startsWith("0::")).map(line -> line.substring(3).replaceFirst("^/", ""))
                    .findFirst().orElse("");
            Path directory = Files.createDirectories(hierarchy.resolve(group));
            Files.writeString(directory.resolve("cgroup.procs"), Long.toString(pid));
            moved.put(pid, from);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move process " + pid + " to cgroup " + group, e);
        }
    }

    /** Drops new connections' packets from {@code fromGroup}'s processes to {@code toPort}. */
    private void drop(String fromGroup, int toPort) {
        add(List.of("iptables", "-w", "-A", "OUTPUT", "-o", "lo", "-p", "tcp", "-m", "cgroup", "--path", fromGroup,
                "--dport", Integer.toString(toPort), "-m", "comment", "--comment", MARK, "-j", "DROP"));
    }

    /** Drops an open connection's packets from {@code fromPort} to {@code toPort}. */
    private void drop(int fromPort, int toPort) {
        add(List.of("iptables", "-w", "-A", "OUTPUT", "-o", "lo", "-p", "tcp", "--sport", Integer.toString(fromPort),
                "--dport", Integer.toString(toPort), "-m", "comment", "--comment", MARK, "-j", "DROP"));
    }

    private void add(List<String> rule) {
        if (run(rule) != 0) {
            throw new IllegalStateException("iptables refused: " + String.join(" ", rule));
        }
        rules.add(rule);
    }

    /** Rules of a run that ended before it healed (its process killed): they would cut the next one off. */
    private static void removeLeftoverRules() {
        for (String rule : output(List.of("iptables", "-w", "-S", "OUTPUT")).lines().toList()) {
            if (rule.startsWith("-A OUTPUT") && rule.contains(MARK)) {
                List<String> delete = new ArrayList<>(List.of("iptables", "-w"));
                delete.addAll(List.of(rule.replaceFirst("^-A ", "-D ").split(" ")));
                run(delete);
            }
        }
    }

    /** Where the cgroup v2 hierarchy is mounted: on its own, or beside the v1 controllers. */
    private static Optional<Path> cgroupHierarchy() {
        try {
            return Files.readAllLines(Path.of("/proc/mounts")).stream()
                    .map(line -> line.split(" "))
                    .filter(fields -> fields.length > 2 && fields[2].equals("cgroup2"))
                    .map(fields -> Path.of(fields[1]))
                    .filter(Files::isWritable)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
