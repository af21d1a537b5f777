package io.comanda.platform.outbox;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.ComandaEvent;
import io.comanda.events.EventJson;
import io.comanda.platform.correlation.CorrelationId;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends an event to the service's outbox <em>in the caller's transaction</em>: the event exists if
 * and only if the business change commits. Debezium relays the row to Kafka.
 *
 * <p>Call it inside a {@code @WithTransaction} (or {@code Panache.withTransaction}) chain; it uses
 * that chain's session. Never send to Kafka next to a database write instead: that dual write loses or
 * invents events when either side fails.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, correlation_id,
                                traceparent, occurred_at)
            values (:id, :aggregatetype, :aggregateid, :type, cast(cast(:payload as text) as jsonb), :source,
                    :correlationId, :traceparent, :occurredAt)
            """;
    // The payload is bound as text and parsed by PostgreSQL: bound straight to jsonb, the reactive
    // client would store the JSON text as one JSON string, and the relay would publish a quoted string.

    private final String source;

    public OutboxWriter(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/comanda/" + applicationName;
    }

    /**
     * Appends {@code event}, stamped with the current correlation id and trace context.
     *
     * @return the event's id, which becomes its {@code ce_id}
     */
    public Uni<UUID> append(ComandaEvent event) {
        UUID id = UUID.randomUUID();
        String correlationId = CorrelationId.current().orElse(null);
        String traceparent = traceparentOfCurrentSpan();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id)
                        .setParameter("aggregatetype", event.type().topic().aggregateType())
                        .setParameter("aggregateid", event.aggregateId())
                        .setParameter("type", event.type().ceType())
                        .setParameter("payload", EventJson.write(event))
                        .setParameter("source", source)
                        .setParameter("correlationId", correlationId)
                        .setParameter("traceparent", traceparent)
                        .setParameter("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWith(id);
    }

    /** The W3C {@code traceparent} of the current span, as OpenTelemetry writes it; null without a valid span. */
    private static String traceparentOfCurrentSpan() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(CloudEventHeaders.TRACEPARENT);
    }
}
