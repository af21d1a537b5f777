package io.comanda.devstack.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

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
    void theUsageNamesEveryPartOfTheStack() {
        assertThat(PartCommand.USAGE).contains("orders", "payments", "notifications", "search", "postgres", "kafka",
                "connect", "keycloak", "smtp", "stripe", "zipkin");
    }
}
