package io.comanda.platform.observability;

import io.comanda.platform.correlation.CorrelationId;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;

/** The span attributes Comanda adds, by which a trace store finds and explains a flow. */
public final class SpanAttributes {

    /** The flow's correlation id, on every span. */
    public static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey(CorrelationId.SPAN_ATTRIBUTE);
    /** The order a consumed record is about (its {@code ce_subject}: every Comanda record is about one order). */
    public static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("comanda.order_id");
    /** Which delivery of a record this processing is: 1, then 2 after the first delayed retry, ... */
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("comanda.attempt");

    private SpanAttributes() {
    }

    /**
     * {@code context} as attempt {@code attempt} at its record, for a retry made in place rather than
     * through a delayed-retry topic: the consumer and client spans started in it carry {@link #ATTEMPT}.
     */
    public static Context withAttempt(Context context, long attempt) {
        return context.with(FlowContextPropagator.ATTEMPT, attempt);
    }
}
