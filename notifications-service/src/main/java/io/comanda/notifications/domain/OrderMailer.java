package io.comanda.notifications.domain;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** Writes to customers about their orders. */
public interface OrderMailer {

    /**
     * Sends the {@code kind} mail about the order of {@code summary} to {@code recipient}, as the answer
     * to event {@code eventId}; sent again for the same event, it is recognisably the same message.
     *
     * @param reason why the order was cancelled, in words, or null
     * @return completes when the mail server has accepted the mail; fails when it cannot be reached or refuses it
     */
    Uni<Void> send(UUID eventId, Recipient recipient, MailKind kind, OrderSummary summary, String reason);

    /** The id of the message answering event {@code eventId}. */
    String messageId(UUID eventId);
}
