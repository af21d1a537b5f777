package io.comanda.platform.outbox;

import io.comanda.events.ComandaEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
     * The outbox row announcing {@code event} from this service, stamped with the current correlation
     * id and trace context, for a caller that writes it with plain SQL in its own transaction.
     */
    public OutboxRow row(ComandaEvent event) {
        return OutboxRow.of(event, source);
    }

    /**
     * Appends {@code event}, stamped with the current correlation id and trace context.
     *
     * @return the event's id, which becomes its {@code ce_id}
     */
    public Uni<UUID> append(ComandaEvent event) {
        OutboxRow row = row(event);
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", row.id())
                        .setParameter("aggregatetype", row.aggregateType())
                        .setParameter("aggregateid", row.aggregateId())
                        .setParameter("type", row.type())
                        .setParameter("payload", row.payload())
                        .setParameter("source", row.source())
                        .setParameter("correlationId", row.correlationId())
                        .setParameter("traceparent", row.traceparent())
                        .setParameter("occurredAt", row.occurredAt())
                        .executeUpdate())
                .replaceWith(row.id());
    }
}
