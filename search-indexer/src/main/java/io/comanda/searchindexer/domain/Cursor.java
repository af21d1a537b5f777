package io.comanda.searchindexer.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the next page starts: after the last document of this page in the page's sort order. A keyset,
 * not an offset, so documents indexed between two requests neither repeat nor vanish from a listing.
 * Opaque to clients: they pass back what {@code next} holds.
 *
 * @param rank     the last document's rank, for ranked (text) searches; else null
 * @param listedAt the last document's listing time, for newest-first listings; else null
 * @param orderId  the last document, breaking ties
 */
public record Cursor(Float rank, Instant listedAt, UUID orderId) {

    private static final String RANKED = "r";
    private static final String NEWEST = "t";

    public Cursor {
        Objects.requireNonNull(orderId, "orderId");
        if ((rank == null) == (listedAt == null)) {
            throw new IllegalArgumentException("a cursor is after a rank or after a listing time");
        }
    }

    public static Cursor afterRank(float rank, UUID orderId) {
        return new Cursor(rank, null, orderId);
    }

    public static Cursor afterListed(Instant listedAt, UUID orderId) {
        return new Cursor(null, listedAt.truncatedTo(ChronoUnit.MICROS), orderId);
    }

    public boolean ranked() {
        return rank != null;
    }

    /** The text clients carry: URL-safe, without padding. */
    public String encode() {
        String position = ranked()
                ? RANKED + ":" + Integer.toHexString(Float.floatToIntBits(rank))
                : NEWEST + ":" + ChronoUnit.MICROS.between(Instant.EPOCH, listedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((position + ":" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a cursor this service wrote
     */
    public static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            UUID orderId = UUID.fromString(parts[2]);
            return switch (parts[0]) {
                case RANKED -> afterRank(Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16)), orderId);
                case NEWEST -> afterListed(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS), orderId);
                default -> throw new IllegalArgumentException("unknown kind " + parts[0]);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor of this service: " + text, e);
        }
    }
}
