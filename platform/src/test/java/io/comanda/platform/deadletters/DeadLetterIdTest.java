package io.comanda.platform.deadletters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead letter's id is its topic, partition and offset; topic names may hold dashes and dots. */
class DeadLetterIdTest {

    @Test
    void readsTopicWithDashesThenPartitionThenOffset() {
        assertThat(DeadLetterId.parse("comanda.payments.orders-service.dlq-2-1234"))
                .contains(new DeadLetterId("comanda.payments.orders-service.dlq", 2, 1234));
    }

    @Test
    void writesTheFormItReads() {
        DeadLetterId id = new DeadLetterId("comanda.orders.search-indexer.dlq", 0, 7);

        assertThat(id.toString()).isEqualTo("comanda.orders.search-indexer.dlq-0-7");
        assertThat(DeadLetterId.parse(id.toString())).contains(id);
    }

    @Test
    void refusesWhatIsNotTopicPartitionOffset() {
        assertThat(DeadLetterId.parse("comanda.orders.dlq-0")).isEmpty();
        assertThat(DeadLetterId.parse("comanda.orders.dlq-x-1")).isEmpty();
        assertThat(DeadLetterId.parse("-0-1")).isEmpty();
        assertThat(DeadLetterId.parse("comanda.orders.dlq-0-99999999999999999999")).isEmpty();
        assertThat(DeadLetterId.parse(null)).isEmpty();
    }
}
