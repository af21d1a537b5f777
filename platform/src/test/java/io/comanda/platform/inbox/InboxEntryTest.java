package io.comanda.platform.inbox;

import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inbox's statements as consumers compose them, and as the Hibernate-side inbox runs the same one. */
class InboxEntryTest {

    private static final UUID EVENT = UUID.randomUUID();

    @Test
    void insertRecordsOneEntryFromTheFirstParameterAndAnswersItOnlyOnTheFirstDelivery() {
        assertThat(InboxEntry.insert(3)).isEqualTo("""
                insert into inbox (consumer, event_id)
                values ($3, $4)
                on conflict (consumer, event_id) do nothing
                returning event_id""");
    }

    @Test
    void insertEachRecordsOneConsumersEntriesForAnArrayOfEvents() {
        assertThat(InboxEntry.insertEach(1)).isEqualTo("""
                insert into inbox (consumer, event_id)
                select $1, event_id from unnest($2::uuid[]) as e(event_id)
                on conflict (consumer, event_id) do nothing
                returning event_id""");
    }

    @Test
    void recordedSelectsWhichOfAnArrayOfEventsTheConsumerHasRecorded() {
        assertThat(InboxEntry.recorded(1))
                .isEqualTo("select event_id from inbox where consumer = $1 and event_id = any($2::uuid[])");
    }

    @Test
    void bindAddsTheConsumerThenTheEvent() {
        Tuple values = new InboxEntry("orders-service", EVENT).bind(Tuple.tuple(), 1);

        assertThat(values.getString(0)).isEqualTo("orders-service");
        assertThat(values.getUUID(1)).isEqualTo(EVENT);
    }

    @Test
    void bindEachAddsTheConsumerThenTheArrayOfEvents() {
        UUID other = UUID.randomUUID();
        Tuple values = InboxEntry.bindEach(Tuple.of("before"), 2, "payments-service", List.of(EVENT, other));

        assertThat(values.getString(1)).isEqualTo("payments-service");
        assertThat(values.getArrayOfUUIDs(2)).containsExactly(EVENT, other);
    }

    @Test
    void anEntryBoundWhereItsInsertDoesNotStartIsRefused() {
        assertThatThrownBy(() -> new InboxEntry("c", EVENT).bind(Tuple.tuple(), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binds $1, not $3");
    }

    @Test
    void theHibernateInboxRunsTheSameStatementWithOrdinalParameters() {
        assertThat(Inbox.INSERT).isEqualTo(InboxEntry.insert(1).replace("$1", "?1").replace("$2", "?2"))
                .doesNotContain("$");
    }
}
