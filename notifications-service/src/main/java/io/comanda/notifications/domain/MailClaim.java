package io.comanda.notifications.domain;

import java.time.Instant;

/**
 * Where an event's mail stands, as its notification row says: what a delivery reads before it sends.
 *
 * @param claimedBy the sender that claimed it last, or null for a row written before claims existed
 * @param claimedAt when, or null likewise
 */
public record MailClaim(Notification.State state, String claimedBy, Instant claimedAt) {
}
