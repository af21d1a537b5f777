package io.comanda.platform.outbox;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.ComandaEvent;
import io.comanda.events.EventJson;
import io.comanda.platform.correlation.CorrelationId;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One outbox row, for services that write with plain reactive SQL on a hot path rather than through
 * {@link OutboxWriter}'s session: bind {@link #tuple()} to {@link #INSERT}, or many rows'
 * {@link #arrays(List)} to {@link #INSERT_MANY} (one round trip for a whole batch). Either must run in
 * the transaction of the business change it announces.
 *
 * @param id            the event id, which becomes {@code ce_id}
 * @param aggregateType routes the row to {@code comanda.<aggregateType>}
 * @param aggregateId   the record key and {@code ce_subject}
 * @param type          {@code ce_type}
 * @param payload       the event's JSON, as text
 * @param source        {@code ce_source}, the producing service
 * @param correlationId {@code ce_correlationid}, or null
 * @param traceparent   the W3C trace context of the span that wrote the row, or null
 * @param occurredAt    {@code ce_time}
 */
public record OutboxRow(UUID id, String aggregateType, String aggregateId, String type, String payload,
                        String source, String correlationId, String traceparent, OffsetDateTime occurredAt) {

    /** Inserts one row: bind {@link #tuple()}. */
    public static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, correlation_id, traceparent,
                                occurred_at)
            values ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8, $9)
            """;
    // The payload is bound as text and parsed by PostgreSQL: bound straight to jsonb, the reactive
    // client would store the JSON text as one JSON string, and the relay would publish a quoted string.

    /** Inserts many rows in one statement: bind {@link #arrays(List)}. */
    public static final String INSERT_MANY = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, correlation_id, traceparent,
                                occurred_at)
            select id, aggregatetype, aggregateid, type, payload::jsonb, source, correlation_id, traceparent, occurred_at
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::timestamptz[])
                 as r(id, aggregatetype, aggregateid, type, payload, source, correlation_id, traceparent, occurred_at)
            """;

    /**
     * The row announcing {@code event}, stamped with the current correlation id and trace context.
     *
     * @param source the producing service's {@code ce_source}
     */
    public static OutboxRow of(ComandaEvent event, String source) {
        return new OutboxRow(UUID.randomUUID(), event.type().topic().aggregateType(), event.aggregateId(),
                event.type().ceType(), EventJson.write(event), source, CorrelationId.current().orElse(null),
                traceparentOfCurrentSpan(), event.occurredAt().atOffset(ZoneOffset.UTC));
    }

    /** The values of {@link #INSERT}, in order. */
    public Tuple tuple() {
        return Tuple.tuple().addUUID(id).addString(aggregateType).addString(aggregateId).addString(type)
                .addString(payload).addString(source).addString(correlationId).addString(traceparent)
                .addOffsetDateTime(occurredAt);
    }

    /** The values of {@link #INSERT_MANY} for {@code rows}: one array per column. */
    public static Tuple arrays(List<OutboxRow> rows) {
        return Tuple.tuple()
                .addArrayOfUUID(rows.stream().map(OutboxRow::id).toArray(UUID[]::new))
                .addArrayOfString(rows.stream().map(OutboxRow::aggregateType).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(OutboxRow::aggregateId).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(OutboxRow::type).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(OutboxRow::payload).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(OutboxRow::source).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(OutboxRow::correlationId).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(OutboxRow::traceparent).toArray(String[]::new))
                .addArrayOfOffsetDateTime(rows.stream().map(OutboxRow::occurredAt).toArray(OffsetDateTime[]::new));
    }

    /** The W3C {@code traceparent} of the current span, as OpenTelemetry writes it; null without a valid span. */
    static String traceparentOfCurrentSpan() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(CloudEventHeaders.TRACEPARENT);
    }
}
