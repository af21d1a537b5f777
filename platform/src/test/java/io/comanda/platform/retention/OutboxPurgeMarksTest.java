package io.comanda.platform.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The condition that keeps the outbox purge from deleting a row its relay has not confirmed. */
class OutboxPurgeMarksTest {

    @Test
    void aRowGoesOnlyIfWrittenBeforeTheNewestMarkTheStreamingSlotConfirmedLessTheMargin() {
        String condition = OutboxPurgeMarks.publishedCondition(Optional.of("comanda_orders_outbox"), Duration.ofMinutes(10));

        assertThat(condition).startsWith("occurred_at < (select max(m.marked_at) from outbox_purge_mark m")
                .contains("s.slot_name = 'comanda_orders_outbox'")
                .contains("s.database = current_database() and s.active")
                .contains("m.wal_lsn <= s.confirmed_flush_lsn")
                .endsWith("- make_interval(secs => 600)");
    }

    @Test
    void withoutASlotNoOutboxRowIsDeleted() {
        assertThat(OutboxPurgeMarks.publishedCondition(Optional.empty(), Duration.ofMinutes(10))).isEqualTo("false");
    }

    @Test
    void aSlotNameThatIsNoPostgresSlotNameIsRefused() {
        assertThatThrownBy(() -> OutboxPurgeMarks.publishedCondition(Optional.of("x' or true --"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
