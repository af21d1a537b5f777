package io.comanda.notifications.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What this process remembers of its own sends, and that it stays bounded. */
class LocalSendsTest {

    @Test
    void anAcceptedMailIsRememberedUntilItIsRecorded() {
        LocalSends sends = new LocalSends();
        UUID eventId = UUID.randomUUID();

        sends.inFlight(eventId);
        assertThat(sends.of(eventId)).isEqualTo(LocalSend.IN_FLIGHT);
        sends.accepted(eventId);
        assertThat(sends.of(eventId)).isEqualTo(LocalSend.ACCEPTED);
        sends.forget(eventId);
        assertThat(sends.of(eventId)).isEqualTo(LocalSend.NONE);
    }

    @Test
    void theOldestEntriesGoFirstPastTheBound() {
        LocalSends sends = new LocalSends();
        UUID oldest = UUID.randomUUID();
        sends.accepted(oldest);

        for (int i = 0; i < LocalSends.MAX_ENTRIES; i++) {
            sends.accepted(UUID.randomUUID());
        }

        assertThat(sends.of(oldest)).isEqualTo(LocalSend.NONE);
    }
}
