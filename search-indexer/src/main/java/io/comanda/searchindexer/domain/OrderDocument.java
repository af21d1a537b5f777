package io.comanda.searchindexer.domain;

import io.comanda.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One order as search holds it.
 *
 * @param id                 the order
 * @param customerId         its customer
 * @param status             where it stands
 * @param cancellationReason why it was cancelled, or null
 * @param lines              its lines; empty until OrderPlaced has been indexed
 * @param total              its total, or null while unknown
 * @param note               the customer's note, or null
 * @param placedAt           when it was placed, or null until OrderPlaced has been indexed
 * @param lastChangedAt      when its newest indexed event happened
 * @param version            the order's version that newest event announced
 */
public record OrderDocument(UUID id, String customerId, DocumentStatus status, String cancellationReason,
                            List<DocumentChange.Line> lines, Money total, String note, Instant placedAt,
                            Instant lastChangedAt, long version) {
}
