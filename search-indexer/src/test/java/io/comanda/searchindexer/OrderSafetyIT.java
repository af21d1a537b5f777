package io.comanda.searchindexer;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.ComandaEvent;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events of one order arrive late, twice or out of order; the document ends as the newest version says. */
@QuarkusTest
class OrderSafetyIT {

    private static final String DOCUMENT = """
            select status, version, jsonb_array_length(lines) as lines, note, cancellation_reason, xmin::text as xmin
            from order_documents where order_id = ?::uuid""";

    @Test
    void confirmedBeforePlacedEndsConfirmedWithAllLinesAndALatePlacedChangesNothing() {
        OrderPlaced placed = OrderEvents.placed(UUID.randomUUID(), "out-of-order-" + UUID.randomUUID(), "late lines",
                OrderEvents.MOKA_POT, new io.comanda.events.LineItem("MUG-CERAMIC", 2,
                        io.comanda.events.Money.of(890, "EUR"), "Ceramic mug, 300 ml"));
        OrderConfirmed confirmed = OrderEvents.confirmed(placed);

        OrderEvents.publish(confirmed);
        await().atMost(Duration.ofSeconds(10)).until(() -> document(placed).isPresent());
        assertThat(document(placed).orElseThrow()).containsEntry("status", "CONFIRMED").containsEntry("lines", null);

        OrderEvents.publish(placed);
        await().atMost(Duration.ofSeconds(10)).until(() -> document(placed).orElseThrow().get("lines") != null);
        Map<String, String> merged = document(placed).orElseThrow();
        assertThat(merged).containsEntry("status", "CONFIRMED").containsEntry("version", "2")
                .containsEntry("lines", "2").containsEntry("note", "late lines");

        OrderEvents.publish(placed);
        await().atMost(Duration.ofSeconds(30)).until(OrderEvents::indexerCaughtUp);
        // xmin is the transaction that last wrote the row: unchanged means not even rewritten.
        assertThat(document(placed).orElseThrow()).isEqualTo(merged);
    }

    @Test
    void anOlderCancellationAfterANewerConfirmationChangesNothing() {
        OrderPlaced placed = OrderEvents.placed(UUID.randomUUID(), "stale-" + UUID.randomUUID(), "stale outcome");
        // Cancelled at version 3 overtakes the confirmation at version 2 (say, the latter went through a retry).
        OrderEvents.publish(placed, OrderEvents.cancelled(placed, 3), OrderEvents.confirmed(placed));
        await().atMost(Duration.ofSeconds(30)).until(OrderEvents::indexerCaughtUp);

        assertThat(document(placed).orElseThrow()).containsEntry("status", "CANCELLED").containsEntry("version", "3")
                .containsEntry("cancellation_reason", "Your card was declined.");
    }

    @Test
    void redeliveryOfEveryEventChangesNothing() {
        List<ComandaEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OrderPlaced placed = OrderEvents.placed(UUID.randomUUID(), "redelivered-" + UUID.randomUUID(), "once " + i);
            events.add(placed);
            events.add(i % 2 == 0 ? OrderEvents.confirmed(placed) : OrderEvents.cancelled(placed, 2));
        }
        List<UUID> ceIds = new ArrayList<>();
        try (EventProducer producer = OrderEvents.producer()) {
            events.forEach(event -> ceIds.add(producer.send(event, UUID.randomUUID(), "first")));
        }
        await().atMost(Duration.ofSeconds(30)).until(OrderEvents::indexerCaughtUp);
        List<Map<String, String>> before = events.stream().map(OrderSafetyIT::document).map(Optional::orElseThrow).toList();

        try (EventProducer producer = OrderEvents.producer()) {
            for (int i = 0; i < events.size(); i++) {
                producer.send(events.get(i), ceIds.get(i), "redelivered");
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(OrderEvents::indexerCaughtUp);

        assertThat(events.stream().map(OrderSafetyIT::document).map(Optional::orElseThrow).toList()).isEqualTo(before);
    }

    private static Optional<Map<String, String>> document(ComandaEvent event) {
        return TestDatabase.one(DOCUMENT, event.aggregateId());
    }
}
