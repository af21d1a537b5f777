package io.comanda.devstack.faults;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An established TCP connection on the loopback interface between two processes, read from
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} (a Java socket to 127.0.0.1 is often an IPv6 one, to
 * {@code ::ffff:127.0.0.1}) and the processes' {@code fd} links to their sockets' inodes.
 *
 * @param localPort  the port of the socket held by a process of the first side
 * @param remotePort the port of the other end, a socket held by a process of the second side
 */
record LoopbackConnection(int localPort, int remotePort) {

    private static final String ESTABLISHED = "01";

    /** Every connection with one end held by one of {@code sideA} and the other by one of {@code sideB}. */
    static List<LoopbackConnection> between(List<Long> sideA, List<Long> sideB) {
        Set<Long> socketsA = socketInodes(sideA);
        Set<Long> socketsB = socketInodes(sideB);
        Map<Long, int[]> ports = establishedLoopbackSockets();
        // Both ends of a loopback connection are sockets of this machine: B's end is A's end reversed.
        Set<String> endsOfB = new HashSet<>();
        ports.forEach((inode, pair) -> {
            if (socketsB.contains(inode)) {
                endsOfB.add(pair[0] + ">" + pair[1]);
            }
        });
        List<LoopbackConnection> connections = new ArrayList<>();
        ports.forEach((inode, pair) -> {
            if (socketsA.contains(inode) && endsOfB.contains(pair[1] + ">" + pair[0])) {
                connections.add(new LoopbackConnection(pair[0], pair[1]));
            }
        });
        return connections;
    }

    /** The inodes of the sockets {@code pids} hold open. */
    private static Set<Long> socketInodes(List<Long> pids) {
        Set<Long> inodes = new HashSet<>();
        for (long pid : pids) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : fds) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                        }
                    } catch (IOException e) {
                        // Closed meanwhile.
                    }
                }
            } catch (IOException e) {
                // The process has ended: it holds nothing.
            }
        }
        return inodes;
    }

    /** Established loopback sockets by inode: {local port, remote port}. */
    private static Map<Long, int[]> establishedLoopbackSockets() {
        Map<Long, int[]> sockets = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 10 || !fields[3].equals(ESTABLISHED)
                        || !loopback(fields[1]) || !loopback(fields[2])) {
                    continue;
                }
                sockets.put(Long.parseLong(fields[9]), new int[] {port(fields[1]), port(fields[2])});
            }
        }
        return sockets;
    }

    /** {@code 0100007F:2384} or its IPv6 form; 127.0.0.1 is written backwards, as the kernel stores it. */
    private static boolean loopback(String address) {
        String host = address.substring(0, address.indexOf(':'));
        return host.endsWith("0100007F") || host.equals("00000000000000000000000001000000");
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }
}
