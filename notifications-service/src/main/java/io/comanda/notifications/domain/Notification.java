package io.comanda.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What this service did about one order event: a mail sent, or none and why. */
@Entity
@Table(name = "notification")
public class Notification {

    /** {@code SENT}: the SMTP server accepted the mail; {@code SKIPPED}: there was nobody to write to. */
    public enum State { SENT, SKIPPED }

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
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Notification() {
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
}
