package io.comanda.platform.retention;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox purge deletes a row only through a relay slot that exists, streams and has confirmed a position. */
class RelaySlotStateTest {

    private static final String SLOT = "comanda_orders_outbox";

    @Test
    void aStreamingSlotThatConfirmedAPositionLetsThePurgeDeleteWhatItConfirmed() {
        assertThat(new RelaySlotState(SLOT, true, true, "0/16B3748").holdsOutbox()).isEmpty();
    }

    @Test
    void noSlotConfiguredHoldsEveryRow() {
        assertThat(RelaySlotState.unnamed().holdsOutbox()).hasValueSatisfying(why -> assertThat(why)
                .contains("comanda.retention.outbox-relay-slot"));
    }

    @Test
    void aMissingSlotHoldsEveryRow() {
        assertThat(RelaySlotState.missing(SLOT).holdsOutbox()).hasValueSatisfying(why -> assertThat(why)
                .contains(SLOT).contains("does not exist"));
    }

    @Test
    void aSlotNoRelayStreamsFromHoldsEveryRowWhateverItConfirmedBefore() {
        assertThat(new RelaySlotState(SLOT, true, false, "0/16B3748").holdsOutbox()).hasValueSatisfying(why ->
                assertThat(why).contains("no relay streams"));
    }

    @Test
    void aSlotThatConfirmedNothingHoldsEveryRow() {
        assertThat(new RelaySlotState(SLOT, true, true, null).holdsOutbox()).hasValueSatisfying(why ->
                assertThat(why).contains("confirmed no position"));
    }
}
