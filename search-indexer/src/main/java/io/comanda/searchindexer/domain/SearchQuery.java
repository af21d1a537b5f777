package io.comanda.searchindexer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated search: full text over product names, skus and the note (ranked), or, without text, the
 * newest orders first; narrowed by status, placement time and customer.
 *
 * @param text       what to look for, in web-search syntax ({@code "moka pot" -gift}), or null
 * @param status     only orders in this status, or null
 * @param from       only orders listed at or after this instant, or null
 * @param to         only orders listed before this instant, or null
 * @param customerId only this customer's orders, or null for all (admins only)
 * @param size       the page size, 1 to {@value #MAX_SIZE}
 * @param after      where this page starts, or null for the first page
 */
public record SearchQuery(String text, DocumentStatus status, Instant from, Instant to, String customerId,
                          int size, Cursor after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    static final int MAX_TEXT = 200;

    public boolean ranked() {
        return text != null;
    }

    /**
     * Reads the query parameters as a client sent them.
     *
     * @throws InvalidSearchException naming every parameter that is wrong
     */
    public static SearchQuery parse(String q, String status, String from, String to, String page, String size,
                                    String customerId) {
        List<InvalidSearchException.Violation> violations = new ArrayList<>();
        String text = blankToNull(q);
        if (text != null && text.length() > MAX_TEXT) {
            violations.add(new InvalidSearchException.Violation("q", "must be at most " + MAX_TEXT + " characters"));
        }
        DocumentStatus parsedStatus = null;
        if (blankToNull(status) != null) {
            try {
                parsedStatus = DocumentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new InvalidSearchException.Violation("status", "must be one of PENDING, CONFIRMED, CANCELLED"));
            }
        }
        Instant fromInstant = instant("from", from, violations);
        Instant toInstant = instant("to", to, violations);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            violations.add(new InvalidSearchException.Violation("to", "must be after from"));
        }
        int pageSize = size(size, violations);
        Cursor cursor = null;
        if (blankToNull(page) != null) {
            try {
                cursor = Cursor.decode(page.trim());
                if (cursor.ranked() != (text != null)) {
                    violations.add(new InvalidSearchException.Violation("page",
                            "belongs to a different search; pass the next link of this search unchanged"));
                }
            } catch (IllegalArgumentException e) {
                violations.add(new InvalidSearchException.Violation("page", "must be the page token of a next link"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSearchException(violations);
        }
        return new SearchQuery(text, parsedStatus, fromInstant, toInstant, blankToNull(customerId), pageSize, cursor);
    }

    private static int size(String size, List<InvalidSearchException.Violation> violations) {
        if (blankToNull(size) == null) {
            return DEFAULT_SIZE;
        }
        try {
            int parsed = Integer.parseInt(size.trim());
            if (parsed >= 1 && parsed <= MAX_SIZE) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new InvalidSearchException.Violation("size", "must be a whole number from 1 to " + MAX_SIZE));
        return DEFAULT_SIZE;
    }

    /** An RFC 3339 instant, or a date meaning its start in UTC. */
    private static Instant instant(String name, String value, List<InvalidSearchException.Violation> violations) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new InvalidSearchException.Violation(name,
                    "must be an RFC 3339 time such as 2026-11-27T10:15:30Z, or a date such as 2026-11-27"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
