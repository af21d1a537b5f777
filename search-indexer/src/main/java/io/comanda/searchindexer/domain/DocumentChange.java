package io.comanda.searchindexer.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one order event (or several of one order, merged) says about the order's search document.
 *
 * <p>The rule that makes the read model order-safe: the status part (status, cancellation reason, when
 * it changed) comes from the newest version seen; the placement part (lines, note, placement time),
 * which never changes once an order exists, is taken from {@code OrderPlaced} whenever it arrives. So
 * {@code OrderConfirmed} before {@code OrderPlaced} still ends CONFIRMED with all lines, and a
 * redelivered event changes nothing. The database applies the same rule in one conditional upsert.
 *
 * @param orderId            the order
 * @param customerId         its customer
 * @param version            the order's version the status part belongs to
 * @param status             the status at that version
 * @param cancellationReason why it was cancelled, or null
 * @param changedAt          when the event of that version happened
 * @param total              the order's total, or null when unknown
 * @param placement          the facts of OrderPlaced, or null when it has not been seen
 */
public record DocumentChange(UUID orderId, String customerId, long version, DocumentStatus status,
                             String cancellationReason, Instant changedAt, Money total, Placement placement) {

    /** The version of an OrderPlaced written before versions existed: its order row then had 0. */
    static final long UNVERSIONED_PLACEMENT = 0;
    /** ... and of a confirmation or cancellation of that time: the row's version after the change, 1. */
    static final long UNVERSIONED_SETTLEMENT = 1;

    public DocumentChange {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The change an event makes, or empty for events that say nothing about an order's document. */
    public static Optional<DocumentChange> of(ComandaEvent event) {
        if (event instanceof OrderPlaced placed) {
            List<Line> lines = placed.items().stream().map(i -> new Line(i.sku(), i.name(), i.quantity())).toList();
            return Optional.of(new DocumentChange(placed.orderId(), placed.customerId(),
                    versionOr(placed.version(), UNVERSIONED_PLACEMENT), DocumentStatus.PENDING, null,
                    placed.occurredAt(), placed.total(), new Placement(lines, placed.note(), placed.occurredAt())));
        }
        if (event instanceof OrderConfirmed confirmed) {
            return Optional.of(new DocumentChange(confirmed.orderId(), confirmed.customerId(),
                    versionOr(confirmed.version(), UNVERSIONED_SETTLEMENT), DocumentStatus.CONFIRMED, null,
                    confirmed.occurredAt(), confirmed.total(), null));
        }
        if (event instanceof OrderCancelled cancelled) {
            return Optional.of(new DocumentChange(cancelled.orderId(), cancelled.customerId(),
                    versionOr(cancelled.version(), UNVERSIONED_SETTLEMENT), DocumentStatus.CANCELLED,
                    cancelled.reason(), cancelled.occurredAt(), null, null));
        }
        return Optional.empty();
    }

    /** Both changes of one order as one, by the rule above; on equal versions this one's status part wins. */
    public DocumentChange mergedWith(DocumentChange other) {
        if (!orderId.equals(other.orderId)) {
            throw new IllegalArgumentException("changes of different orders: " + orderId + ", " + other.orderId);
        }
        DocumentChange newer = other.version > version ? other : this;
        return new DocumentChange(orderId, customerId != null ? customerId : other.customerId, newer.version,
                newer.status, newer.cancellationReason, newer.changedAt, total != null ? total : other.total,
                placement != null ? placement : other.placement);
    }

    private static long versionOr(Long version, long unversioned) {
        return version == null ? unversioned : version;
    }

    /**
     * The facts of OrderPlaced.
     *
     * @param lines    the order's lines
     * @param note     the customer's note, or null
     * @param placedAt when it was placed
     */
    public record Placement(List<Line> lines, String note, Instant placedAt) {
        public Placement {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line as search shows and matches it.
     *
     * @param sku      the product
     * @param name     its name when ordered, or null from producers that did not send it
     * @param quantity how many
     */
    public record Line(String sku, String name, int quantity) {
    }
}
