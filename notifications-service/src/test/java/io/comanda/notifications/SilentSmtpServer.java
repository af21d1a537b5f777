package io.comanda.notifications;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server that takes every connection and never says a word, as a hung server or a network that
 * drops its replies does: a send to it never gets an answer. It replaces the run's SMTP server for the
 * service, so it starts after it ({@link #order()}) and its settings win.
 */
public class SilentSmtpServer implements QuarkusTestResourceLifecycleManager {

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the silent SMTP server", e);
        }
        Thread acceptor = new Thread(this::holdConnections, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(server.getLocalPort()));
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            // Closing what the service left hanging: nothing more to do about it.
        }
    }

    private void holdConnections() {
        try {
            while (!server.isClosed()) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            // Stopped.
        }
    }
}
