package io.comanda.platform.deadletters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead letter's id is its dead-letter topic and its number in the index; topic names may hold dashes and dots. */
class DeadLetterIdTest {

    @Test
    void readsTopicWithDashesThenNumber() {
        assertThat(DeadLetterId.parse("comanda.payments.orders-service.dlq-1234"))
                .contains(new DeadLetterId("comanda.payments.orders-service.dlq", 1234));
    }

    @Test
    void writesTheFormItReads() {
        DeadLetterId id = new DeadLetterId("comanda.orders.search-indexer.dlq", 7);

        assertThat(id.toString()).isEqualTo("comanda.orders.search-indexer.dlq-7");
        assertThat(DeadLetterId.parse(id.toString())).contains(id);
    }

    @Test
    void refusesWhatIsNotTopicThenNumber() {
        assertThat(DeadLetterId.parse("comanda.orders.dlq")).isEmpty();
        assertThat(DeadLetterId.parse("comanda.orders.dlq-x")).isEmpty();
        assertThat(DeadLetterId.parse("-1")).isEmpty();
        assertThat(DeadLetterId.parse("comanda.orders.dlq-99999999999999999999")).isEmpty();
        assertThat(DeadLetterId.parse(null)).isEmpty();
    }
}
