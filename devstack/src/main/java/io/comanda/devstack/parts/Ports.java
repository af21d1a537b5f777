package io.comanda.devstack.parts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: finding a free one, and telling whether one is taken. */
public final class Ports {

    /** Below the kernel's ephemeral range ({@code ip_local_port_range}; a /proc file reads whole only line by line). */
    private static final int LOWEST = 15000;
    private static final int BELOW_EPHEMERAL = ephemeralRangeStart();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port no server listens on, chosen below the ephemeral range: a part such as Keycloak binds its
     * port tens of seconds after it was chosen, and meanwhile any outgoing connection of the machine may
     * take an ephemeral port as its local port. Each port is handed out once per JVM.
     */
    public static int free() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    /** {@code port}, or a free one when it is 0 (or less): how a part takes the port it is asked for. */
    public static int orFree(int port) {
        return port > 0 ? port : free();
    }

    /** The base address of an HTTP server on the loopback {@code port}, e.g. {@code http://127.0.0.1:8081}. */
    public static String httpUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
