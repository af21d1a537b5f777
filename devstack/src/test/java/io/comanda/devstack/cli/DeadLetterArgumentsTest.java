package io.comanda.devstack.cli;

import io.comanda.events.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./comanda dlq} takes one id or a selection, never both, and names a service only as the stack does. */
class DeadLetterArgumentsTest {

    @Test
    void readsASelectiveForcedReplayOnOneService() {
        assertThat(DeadLetterArguments.parse(List.of("replay", "--type", EventType.PAYMENT_SUCCEEDED_V1.ceType(),
                "--reason", "unknown order", "--force", "--service", "orders")))
                .isEqualTo(new DeadLetterArguments("replay", null, EventType.PAYMENT_SUCCEEDED_V1.ceType(), "unknown order",
                        true, "orders"));
    }

    @Test
    void refusesAnIdTogetherWithASelectionAndAnUnknownService() {
        assertThat(DeadLetterArguments.parse(List.of("replay", "t-0-1", "--type", "x"))).isNull();
        assertThat(DeadLetterArguments.parse(List.of("replay"))).isNull();
        assertThat(DeadLetterArguments.parse(List.of("show"))).isNull();
        assertThat(DeadLetterArguments.parse(List.of("list", "--service", "billing"))).isNull();
        assertThat(DeadLetterArguments.parse(List.of("purge"))).isNull();
    }

    @Test
    void readsAForcedDiscardWithItsReason() {
        assertThat(DeadLetterArguments.parse(List.of("discard", "comanda.orders.payments-service.dlq-7", "--force",
                "--reason", "no charge at Stripe for the order")))
                .isEqualTo(new DeadLetterArguments("discard", "comanda.orders.payments-service.dlq-7", null,
                        "no charge at Stripe for the order", true, null));
        assertThat(DeadLetterArguments.parse(List.of("discard", "t-0-1")))
                .isEqualTo(new DeadLetterArguments("discard", "t-0-1", null, null, false, null));
    }

    @Test
    void refusesAForcedDiscardWithoutAReasonAndAReasonWithoutForce() {
        assertThat(DeadLetterArguments.parse(List.of("discard", "t-0-1", "--force"))).isNull();
        assertThat(DeadLetterArguments.parse(List.of("discard", "t-0-1", "--reason", "why"))).isNull();
        assertThat(DeadLetterArguments.parse(List.of("discard", "--force", "--reason", "why"))).isNull();
    }

    @Test
    void anIdNamesItsServiceByItsDeadLetterTopic() {
        assertThat(DeadLetterCommand.partOfId("comanda.orders.search-indexer.dlq-40")).isEqualTo("search");
        assertThat(DeadLetterCommand.partOfId("comanda.payments.orders-service.dlq-3")).isEqualTo("orders");
        assertThat(DeadLetterCommand.partOfId("comanda.orders.notifications-service.dlq-10")).isEqualTo("notifications");
    }
}
