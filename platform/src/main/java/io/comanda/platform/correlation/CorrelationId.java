package io.comanda.platform.correlation;

import org.jboss.logging.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together everything one request causes: the HTTP exchange, its outbox rows, the
 * Kafka records (as {@code ce_correlationid}), every consumer's work and the log lines of all of it.
 *
 * <p>The current value lives in the logging MDC, which Quarkus keeps on the request's Vert.x context,
 * so it follows the request through reactive code.
 */
public final class CorrelationId {

    /** The HTTP header clients may send and always get back. */
    public static final String HEADER = "X-Correlation-ID";
    /** The MDC key, so log formats can print it as {@code %X{correlationId}}. */
    public static final String MDC_KEY = "correlationId";
    /** The span attribute Jaeger finds a whole flow by. */
    public static final String SPAN_ATTRIBUTE = "comanda.correlation_id";

    // Letters, digits and a few separators, up to 128 characters: safe in headers, logs and columns.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private CorrelationId() {
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    /** The candidate when it is well-formed, else a new random id. */
    public static String acceptOrGenerate(String candidate) {
        return isWellFormed(candidate) ? candidate : UUID.randomUUID().toString();
    }

    /** The correlation id of the work in progress, if any. */
    public static Optional<String> current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** Makes {@code id} the current correlation id of this context's work. */
    public static void set(String id) {
        MDC.put(MDC_KEY, id);
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
