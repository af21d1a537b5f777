package io.comanda.notifications.domain;

import java.util.UUID;

/**
 * One order mail to deliver: the answer to event {@code eventId}.
 *
 * @param reason why the order was cancelled, in words, or null
 */
public record MailToSend(UUID eventId, MailKind kind, OrderSummary summary, String customerId, Recipient recipient,
                         String reason) {
}
