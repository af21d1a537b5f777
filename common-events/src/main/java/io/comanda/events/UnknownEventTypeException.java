package io.comanda.events;

/** The record's {@code ce_type} header is missing or names no type in {@link EventType}. */
public final class UnknownEventTypeException extends EventDeserializationException {

    private final String ceType;

    public UnknownEventTypeException(String ceType) {
        super(ceType == null
                ? "record has no " + CloudEventHeaders.TYPE + " header"
                : "unknown " + CloudEventHeaders.TYPE + " '" + ceType + "'", null);
        this.ceType = ceType;
    }

    /** The offending value, or null when the header was missing. */
    public String ceType() {
        return ceType;
    }
}
