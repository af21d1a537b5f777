package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: finding a free one, and telling whether one is taken. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
