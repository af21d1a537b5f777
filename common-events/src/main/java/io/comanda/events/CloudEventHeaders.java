package io.comanda.events;

import java.nio.charset.StandardCharsets;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary content mode, plus
 * Comanda's extension and the W3C trace context. The record value is the event's JSON data; the key
 * is the aggregate id.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    /** The event's UUID: the key every consumer deduplicates by. */
    public static final String ID = "ce_id";
    /** The producing service, e.g. {@code /comanda/orders-service}. */
    public static final String SOURCE = "ce_source";
    /** A versioned type from {@link EventType}, e.g. {@code io.comanda.order.placed.v1}. */
    public static final String TYPE = "ce_type";
    /** When the fact happened, RFC 3339. */
    public static final String TIME = "ce_time";
    /** The aggregate id, the same as the record key. */
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Comanda's extension: the correlation id of the request that started the flow. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** W3C trace context, so consumer spans join the trace of the request that caused them. */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /**
     * The text of a header value: the binding writes every attribute as UTF-8.
     *
     * @param value a header's bytes, or null when the header is missing or has no value
     * @return the text, or null for null
     */
    public static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
