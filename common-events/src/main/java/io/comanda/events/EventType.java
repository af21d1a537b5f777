package io.comanda.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of event types: the versioned CloudEvents {@code ce_type}, the topic the event is
 * published on and its Java record.
 *
 * <p>A breaking change to an event's JSON is a new entry with a new version (for example
 * {@code io.comanda.order.placed.v2}); adding an optional field is not.
 */
public enum EventType {
    ORDER_PLACED_V1("io.comanda.order.placed.v1", Topic.ORDERS, OrderPlaced.class),
    ORDER_CONFIRMED_V1("io.comanda.order.confirmed.v1", Topic.ORDERS, OrderConfirmed.class),
    ORDER_CANCELLED_V1("io.comanda.order.cancelled.v1", Topic.ORDERS, OrderCancelled.class),
    PAYMENT_SUCCEEDED_V1("io.comanda.payment.succeeded.v1", Topic.PAYMENTS, PaymentSucceeded.class),
    PAYMENT_FAILED_V1("io.comanda.payment.failed.v1", Topic.PAYMENTS, PaymentFailed.class);

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private final String ceType;
    private final Topic topic;
    private final Class<? extends ComandaEvent> javaType;

    EventType(String ceType, Topic topic, Class<? extends ComandaEvent> javaType) {
        this.ceType = ceType;
        this.topic = topic;
        this.javaType = javaType;
    }

    /** The CloudEvents {@code type} attribute, carried in the {@code ce_type} header. */
    public String ceType() {
        return ceType;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends ComandaEvent> javaType() {
        return javaType;
    }

    /** The catalogue entry for a {@code ce_type} value, if it is one Comanda knows. */
    public static Optional<EventType> fromCeType(String ceType) {
        return ceType == null ? Optional.empty() : Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    /** The current version's entry for an event record. */
    public static EventType of(Class<? extends ComandaEvent> javaType) {
        // The newest version wins when one record serves several; today each has one.
        EventType found = null;
        for (EventType type : values()) {
            if (type.javaType.equals(javaType)) {
                found = type;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no event type for " + javaType.getName());
        }
        return found;
    }
}
