package io.comanda.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What this service did about one order event: a mail claimed for sending, sent, or none and why. */
@Entity
@Table(name = "notification")
public class Notification {

    /**
     * {@code CLAIMED}: a sender took the mail and may be sending it; {@code SENT}: the SMTP server
     * accepted the mail; {@code SKIPPED}: there was nobody to write to.
     */
    public enum State { CLAIMED, SENT, SKIPPED }

    @Id
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "order_id")
    private UUID orderId;
    private String recipient;
    private String template;
    private String state;
    @Column(name = "skip_reason")
    private String skipReason;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Notification() {
    }

    /** The claim of {@code claimant} on the event's mail, before it is sent. */
    public static Notification claimed(UUID eventId, UUID orderId, String customerId, MailKind kind, String claimant,
                                       Instant now) {
        Notification notification = of(eventId, orderId, customerId, kind, State.CLAIMED, now);
        notification.claimedBy = claimant;
        notification.claimedAt = now;
        return notification;
    }

    public static Notification sent(UUID eventId, UUID orderId, String customerId, MailKind kind, String messageId,
                                    Instant now) {
        Notification notification = of(eventId, orderId, customerId, kind, State.SENT, now);
        notification.messageId = messageId;
        return notification;
    }

    public static Notification skipped(UUID eventId, UUID orderId, String customerId, MailKind kind, String reason,
                                       Instant now) {
        Notification notification = of(eventId, orderId, customerId, kind, State.SKIPPED, now);
        notification.skipReason = reason;
        return notification;
    }

    private static Notification of(UUID eventId, UUID orderId, String customerId, MailKind kind, State state,
                                    Instant now) {
        Notification notification = new Notification();
        notification.eventId = eventId;
        notification.orderId = orderId;
        notification.recipient = customerId;
        notification.template = kind.template();
        notification.state = state.name();
        notification.recordedAt = now;
        return notification;
    }

    public UUID eventId() {
        return eventId;
    }

    /** Where the event's mail stands. */
    public MailClaim claim() {
        return new MailClaim(State.valueOf(state), claimedBy, claimedAt);
    }

    /** Takes over this row for {@code claim}'s claimant: its own failed attempt's, or a dead sender's. */
    public void claimAgain(Notification claim) {
        state = State.CLAIMED.name();
        claimedBy = claim.claimedBy;
        claimedAt = claim.claimedAt;
        recordedAt = claim.recordedAt;
    }

    /** Ends this row's claim with {@code outcome}: sent or skipped. The claim's columns stay, to say who sent it. */
    public void conclude(Notification outcome) {
        state = outcome.state;
        messageId = outcome.messageId;
        skipReason = outcome.skipReason;
        recordedAt = outcome.recordedAt;
    }
}
