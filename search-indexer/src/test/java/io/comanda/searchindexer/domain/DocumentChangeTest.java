package io.comanda.searchindexer.domain;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;
import io.comanda.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentChangeTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final Instant PLACED_AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, "alice",
            List.of(new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR"), "Moka pot")), Money.of(3450, "EUR"),
            "pm_card_visa", PLACED_AT, "ring twice", 1L);
    private static final OrderConfirmed CONFIRMED = new OrderConfirmed(ORDER, "alice", UUID.randomUUID(),
            Money.of(3450, "EUR"), PLACED_AT.plusSeconds(1), 2L);

    @Test
    void confirmationBeforePlacementMergesToConfirmedWithTheLines() {
        DocumentChange merged = change(CONFIRMED).mergedWith(change(PLACED));

        assertThat(merged.status()).isEqualTo(DocumentStatus.CONFIRMED);
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.changedAt()).isEqualTo(PLACED_AT.plusSeconds(1));
        assertThat(merged.placement().lines()).containsExactly(new DocumentChange.Line("MOKA-POT-3", "Moka pot", 1));
        assertThat(merged.placement().note()).isEqualTo("ring twice");
    }

    @Test
    void theOrderOfMergingDoesNotMatter() {
        assertThat(change(PLACED).mergedWith(change(CONFIRMED))).isEqualTo(change(CONFIRMED).mergedWith(change(PLACED)));
    }

    @Test
    void aRepeatedEventChangesNothing() {
        DocumentChange confirmed = change(PLACED).mergedWith(change(CONFIRMED));

        assertThat(confirmed.mergedWith(change(PLACED))).isEqualTo(confirmed);
        assertThat(confirmed.mergedWith(change(CONFIRMED))).isEqualTo(confirmed);
    }

    @Test
    void cancellationCarriesItsReason() {
        DocumentChange cancelled = change(new OrderCancelled(ORDER, "alice", "card_declined", "Declined.",
                PLACED_AT.plusSeconds(2), 2L));

        assertThat(cancelled.status()).isEqualTo(DocumentStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).isEqualTo("Declined.");
        assertThat(cancelled.placement()).isNull();
    }

    @Test
    void eventsWithoutVersionCountAsTheVersionsTheirOrderRowsHad() {
        OrderPlaced unversionedPlaced = new OrderPlaced(ORDER, "alice", PLACED.items(), PLACED.total(), "pm_card_visa",
                PLACED_AT);
        OrderConfirmed unversionedConfirmed = new OrderConfirmed(ORDER, "alice", UUID.randomUUID(), PLACED.total(),
                PLACED_AT.plusSeconds(1));

        assertThat(change(unversionedPlaced).version()).isZero();
        assertThat(change(unversionedConfirmed).version()).isEqualTo(1);
        assertThat(change(unversionedConfirmed).mergedWith(change(unversionedPlaced)).status())
                .isEqualTo(DocumentStatus.CONFIRMED);
    }

    @Test
    void paymentEventsSayNothingAboutTheDocument() {
        assertThat(DocumentChange.of(new PaymentSucceeded(UUID.randomUUID(), ORDER, "alice", Money.of(1, "EUR"), "pi_1",
                PLACED_AT))).isEmpty();
    }

    private static DocumentChange change(io.comanda.events.ComandaEvent event) {
        return DocumentChange.of(event).orElseThrow();
    }
}
