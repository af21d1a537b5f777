package io.comanda.platform.outbox;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.ComandaEvent;
import io.comanda.events.EventJson;
import io.comanda.platform.correlation.CorrelationId;
import io.comanda.platform.sql.Parameters;
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
 * One outbox row, and the one way to write it: a service composes {@link #insert(int)} (one row) or
 * {@link #insertEach(int, String)} (a batch, one array per column) into its own statement, as a
 * data-modifying CTE beside its business change, and binds {@link #bind(Tuple, int)} or
 * {@link #bindEach(Tuple, int, List)} at the same parameter. The row then commits if and only if the
 * change it announces does; Debezium relays it to Kafka. Never send to Kafka next to a database write
 * instead: that dual write loses or invents events when either side fails.
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

    // The columns Debezium's Outbox Event Router reads (debezium/*.json), each with the type its array
    // is bound as; specversion keeps its default. The payload is bound as text and parsed by PostgreSQL:
    // bound straight to jsonb, the reactive client would store the JSON text as one JSON string, and the
    // relay would publish a quoted string.
    private static final List<String> COLUMNS = List.of("id", "aggregatetype", "aggregateid", "type", "payload",
            "source", "correlation_id", "traceparent", "occurred_at");
    private static final List<String> ARRAY_TYPES = List.of("uuid", "text", "text", "text", "text", "text", "text",
            "text", "timestamptz");
    private static final int PAYLOAD = COLUMNS.indexOf("payload");

    /** How many parameters a row takes, from the first one given to {@link #insert(int)} or {@link #insertEach(int, String)}. */
    public static final int PARAMETERS = COLUMNS.size();

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

    /**
     * Inserts one row whose values are the parameters {@code $first} to {@code $(first + 8)}, bound by
     * {@link #bind(Tuple, int)}: a statement of its own, or the body of a data-modifying CTE.
     */
    public static String insert(int first) {
        return "insert into outbox (" + columns() + ")\nvalues ("
                + Parameters.numbered(first, PARAMETERS, i -> i == PAYLOAD ? "::text::jsonb" : "") + ")";
    }

    /**
     * Inserts the rows whose columns are the arrays {@code $first} to {@code $(first + 8)}, bound by
     * {@link #bindEach(Tuple, int, List)}, that satisfy {@code condition}: a predicate on the outbox's
     * column names, for example {@code id in (select outcome_event_id from paid)} to announce only what
     * the statement's other parts did.
     */
    public static String insertEach(int first, String condition) {
        String selected = String.join(", ", COLUMNS.stream()
                .map(column -> column.equals(COLUMNS.get(PAYLOAD)) ? column + "::jsonb" : column).toList());
        return "insert into outbox (" + columns() + ")\nselect " + selected
                + "\nfrom unnest(" + Parameters.numbered(first, PARAMETERS, i -> "::" + ARRAY_TYPES.get(i) + "[]")
                + ") as r(" + columns() + ")\nwhere " + condition;
    }

    /** Adds this row's values to {@code values}, whose next parameter must be {@code $first} of {@link #insert(int)}. */
    public Tuple bind(Tuple values, int first) {
        return Parameters.expectNext(values, first).addUUID(id).addString(aggregateType).addString(aggregateId)
                .addString(type).addString(payload).addString(source).addString(correlationId)
                .addString(traceparent).addOffsetDateTime(occurredAt);
    }

    /**
     * Adds the values of {@code rows} to {@code values}, one array per column, whose next parameter must be
     * {@code $first} of {@link #insertEach(int, String)}.
     */
    public static Tuple bindEach(Tuple values, int first, List<OutboxRow> rows) {
        return Parameters.expectNext(values, first)
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

    private static String columns() {
        return String.join(", ", COLUMNS);
    }

    /** The W3C {@code traceparent} of the current span, as OpenTelemetry writes it; null without a valid span. */
    static String traceparentOfCurrentSpan() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(CloudEventHeaders.TRACEPARENT);
    }
}
