package io.comanda.orders.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The value of an {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header): a
 * client-chosen string, usually a UUID, that makes retrying a POST safe.
 *
 * <p>Accepted as the draft's structured-field string ({@code "8e03978e-..."}) or bare, as Stripe's
 * clients send it: 1 to 255 characters of letters, digits and {@code -_.:}.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    /**
     * @throws IdempotencyKeyMissingException when the header is missing or malformed
     */
    public static IdempotencyKey parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IdempotencyKeyMissingException(
                    "Send an Idempotency-Key header with a unique value per order, e.g. a UUID; "
                            + "retry with the same key to never place the order twice.");
        }
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!WELL_FORMED.matcher(value).matches()) {
            throw new IdempotencyKeyMissingException(
                    "The Idempotency-Key must be 1 to 255 letters, digits or -_.: characters, e.g. a UUID.");
        }
        return new IdempotencyKey(value);
    }

    /**
     * The PostgreSQL advisory lock that a request holds while it processes this key for this
     * customer: 64 bits of a SHA-256, so two different keys practically never share one.
     */
    public long lockId(String customerId) {
        byte[] hash = sha256(customerId + "\n" + value);
        long id = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            id = (id << 8) | (hash[i] & 0xff);
        }
        return id;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
