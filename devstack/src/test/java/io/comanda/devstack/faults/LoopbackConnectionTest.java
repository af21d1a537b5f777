package io.comanda.devstack.faults;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackConnectionTest {

    @Test
    void anOpenConnectionBetweenTwoProcessesIsFoundByItsPortsFromEachEnd() throws Exception {
        long self = ProcessHandle.current().pid();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            int clientPort = client.getLocalPort();
            int serverPort = server.getLocalPort();

            List<LoopbackConnection> found = LoopbackConnection.between(List.of(self), List.of(self));

            assertThat(found).contains(new LoopbackConnection(clientPort, serverPort),
                    new LoopbackConnection(serverPort, clientPort));
            assertThat(LoopbackConnection.between(List.of(self), List.of(Long.MAX_VALUE)))
                    .as("no connection to a process that does not exist").isEmpty();
        }
    }
}
