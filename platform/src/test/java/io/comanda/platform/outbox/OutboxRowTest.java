package io.comanda.platform.outbox;

import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox's statements as services compose them: numbered from where the caller puts them, bound in column order. */
class OutboxRowTest {

    private static final OutboxRow PLACED = row("{\"orderId\":\"o-1\"}");
    private static final OutboxRow CONFIRMED = row("{\"orderId\":\"o-2\"}");

    @Test
    void insertNumbersItsParametersFromTheFirstItIsGiven() {
        assertThat(OutboxRow.insert(10)).isEqualTo("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, source, correlation_id, traceparent, occurred_at)
                values ($10, $11, $12, $13, $14::text::jsonb, $15, $16, $17, $18)""");
    }

    @Test
    void insertEachTakesOneArrayPerColumnAndKeepsTheRowsTheConditionAccepts() {
        assertThat(OutboxRow.insertEach(14, "id in (select outcome_event_id from paid)")).isEqualTo("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, source, correlation_id, traceparent, occurred_at)
                select id, aggregatetype, aggregateid, type, payload::jsonb, source, correlation_id, traceparent, occurred_at
                from unnest($14::uuid[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], \
                $21::text[], $22::timestamptz[]) as r(id, aggregatetype, aggregateid, type, payload, source, \
                correlation_id, traceparent, occurred_at)
                where id in (select outcome_event_id from paid)""");
    }

    @Test
    void bindAddsOneValuePerParameterOfTheInsertInColumnOrder() {
        Tuple values = PLACED.bind(Tuple.of("before"), 2);

        assertThat(values.size()).isEqualTo(1 + OutboxRow.PARAMETERS).isEqualTo(1 + parametersOf(OutboxRow.insert(2)));
        assertThat(values.getUUID(1)).isEqualTo(PLACED.id());
        assertThat(values.getString(2)).isEqualTo("orders");
        assertThat(values.getString(5)).isEqualTo(PLACED.payload());
        assertThat(values.getOffsetDateTime(9)).isEqualTo(PLACED.occurredAt());
    }

    @Test
    void bindEachAddsOneArrayPerColumnWithOneElementPerRow() {
        Tuple values = OutboxRow.bindEach(Tuple.tuple(), 1, List.of(PLACED, CONFIRMED));

        assertThat(values.size()).isEqualTo(parametersOf(OutboxRow.insertEach(1, "true")));
        assertThat(values.getArrayOfUUIDs(0)).containsExactly(PLACED.id(), CONFIRMED.id());
        assertThat(values.getArrayOfStrings(4)).containsExactly(PLACED.payload(), CONFIRMED.payload());
        assertThat(values.getArrayOfOffsetDateTimes(8)).containsExactly(PLACED.occurredAt(), CONFIRMED.occurredAt());
    }

    @Test
    void aRowBoundWhereItsInsertDoesNotStartIsRefused() {
        assertThatThrownBy(() -> PLACED.bind(Tuple.of("only $1"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binds $2, not $1");
        assertThatThrownBy(() -> OutboxRow.bindEach(Tuple.tuple(), 14, List.of(PLACED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binds $1, not $14");
    }

    private static OutboxRow row(String payload) {
        return new OutboxRow(UUID.randomUUID(), "orders", UUID.randomUUID().toString(), "io.comanda.order.placed.v1",
                payload, "/comanda/test", "cid-1", null, OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    }

    private static int parametersOf(String sql) {
        Matcher parameter = Pattern.compile("\\$\\d+").matcher(sql);
        return (int) parameter.results().map(result -> result.group()).distinct().count();
    }
}
