package io.comanda.notifications;

import java.util.UUID;

/** Mails counted as a recipient's mail client would tell copies apart: by their Message-ID. */
final class MailCount {

    private MailCount() {
    }

    /** The Message-ID of the mail answering event {@code eventId}. */
    static String messageIdOf(UUID eventId) {
        return "<" + eventId + "@notifications.comanda.example>";
    }

    /** How many mails in {@code address}'s mailbox answer event {@code eventId}. */
    static long answering(String address, UUID eventId) {
        String messageId = messageIdOf(eventId);
        return Customers.mailbox(address).mails().stream().filter(mail -> messageId.equals(mail.messageId())).count();
    }
}
