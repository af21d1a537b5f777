package io.comanda.devstack.clients;

import io.comanda.devstack.parts.Ports;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ./comanda stop|start|restart|kill <part>} as typed, and the request it becomes. */
class PartCommandTest {

    @Test
    void readsEachActionWithItsPart() {
        assertThat(PartCommand.parse(List.of("stop", "orders"))).isEqualTo(new PartCommand(PartCommand.Action.STOP, "orders"));
        assertThat(PartCommand.parse(List.of("start", "postgres")).action()).isEqualTo(PartCommand.Action.START);
        assertThat(PartCommand.parse(List.of("restart", "kafka")).action()).isEqualTo(PartCommand.Action.RESTART);
        assertThat(PartCommand.parse(List.of("kill", "payments-service")).part()).isEqualTo("payments-service");
    }

    @Test
    void becomesAPostToThePartsAction() {
        assertThat(PartCommand.parse(List.of("kill", "connect")).path()).isEqualTo("/parts/connect/kill");
    }

    @Test
    void aMissingOrExtraArgumentAnswersWithTheUsage() {
        assertThatThrownBy(() -> PartCommand.parse(List.of("stop")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(PartCommand.USAGE);
        assertThatThrownBy(() -> PartCommand.parse(List.of("stop", "orders", "now")))
                .hasMessage(PartCommand.USAGE);
        assertThatThrownBy(() -> PartCommand.parse(List.of("stop", " "))).hasMessage(PartCommand.USAGE);
    }

    @Test
    void anUnknownActionAnswersWithTheUsage() {
        assertThatThrownBy(() -> PartCommand.parse(List.of("pause", "orders"))).hasMessage(PartCommand.USAGE);
    }

    @Test
    void aNameThatCannotBeAPartIsRefusedBeforeItReachesTheLauncher() {
        assertThatThrownBy(() -> PartCommand.parse(List.of("kill", "../down")))
                .hasMessageStartingWith("no part ../down;");
    }

    @Test
    void aUsageErrorExitsWithTwoBeforeAskingTheLauncher() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = PartCommand.run(List.of("kill"), Optional.empty(), new PrintStream(out, true));

        assertThat(status).isEqualTo(2);
        assertThat(out.toString()).isEqualTo(PartCommand.USAGE + System.lineSeparator());
    }

    @Test
    void withoutARunningLauncherTheCommandFailsAndSaysSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = PartCommand.run(List.of("kill", "orders"), Optional.empty(), new PrintStream(out, true));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).startsWith("Comanda is not running, or still starting");
    }

    @Test
    void aLauncherThatDoesNotAnswerFailsTheCommandNamingItsChannel() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int closedPort = Ports.free();

        int status = PartCommand.run(List.of("stop", "orders"), Optional.of(new ControlClient(closedPort)),
                new PrintStream(out, true));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).startsWith("the launcher's control channel at http://127.0.0.1:" + closedPort
                + " does not answer");
    }

    @Test
    void theUsageNamesEveryPartOfTheStack() {
        assertThat(PartCommand.USAGE).contains("orders", "payments", "notifications", "search", "postgres", "kafka",
                "connect", "keycloak", "smtp", "stripe", "zipkin");
    }
}
