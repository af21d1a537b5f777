package io.comanda.notifications.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What this process remembers of its own sends, what it still has to mark, and that it stays bounded. */
class LocalSendsTest {

    @Test
    void anAcceptedMailIsRememberedUntilItIsRecorded() {
        LocalSends sends = new LocalSends();
        MailToSend mail = mail();

        sends.inFlight(mail);
        assertThat(sends.of(mail.eventId())).isEqualTo(LocalSend.IN_FLIGHT);
        sends.accepted(mail);
        assertThat(sends.of(mail.eventId())).isEqualTo(LocalSend.ACCEPTED);
        sends.forget(mail.eventId());
        assertThat(sends.of(mail.eventId())).isEqualTo(LocalSend.NONE);
    }

    @Test
    void onlyAcceptedMailsAreLeftToMark() {
        LocalSends sends = new LocalSends();
        MailToSend accepted = mail();
        MailToSend inFlight = mail();

        sends.accepted(accepted);
        sends.inFlight(inFlight);

        assertThat(sends.unrecorded()).containsExactly(accepted);
    }

    @Test
    void theOldestEntriesGoFirstPastTheBound() {
        LocalSends sends = new LocalSends();
        MailToSend oldest = mail();
        sends.accepted(oldest);

        for (int i = 0; i < LocalSends.MAX_ENTRIES; i++) {
            sends.accepted(mail());
        }

        assertThat(sends.of(oldest.eventId())).isEqualTo(LocalSend.NONE);
        assertThat(sends.unrecorded()).hasSize(LocalSends.MAX_ENTRIES).doesNotContain(oldest);
    }

    private static MailToSend mail() {
        return new MailToSend(UUID.randomUUID(), MailKind.RECEIVED, null, "customer", null, null);
    }
}
