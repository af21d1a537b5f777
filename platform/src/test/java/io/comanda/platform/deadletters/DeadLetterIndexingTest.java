package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The indexing loop outlives any failure, an error included, and indexes the failed batch on its next try. */
class DeadLetterIndexingTest {

    private static final String DEAD_LETTER_TOPIC = "comanda.payments.orders-service.dlq";
    private static final TopicPartition PARTITION = new TopicPartition(DEAD_LETTER_TOPIC, 0);
    private static final ConsumerChannel CHANNEL = new ConsumerChannel("payments", "comanda.payments",
            "orders-service", List.of(), DEAD_LETTER_TOPIC, 0, false);

    @Test
    void anErrorWhileIndexingNeitherEndsTheLoopNorSkipsTheBatch() throws Exception {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.addRecord(parked());
        });
        // Kafka hands the batch out again from where the loop went back to; without going back, nothing comes.
        consumer.schedulePollTask(() -> consumer.addRecord(parked()));
        FailingOnceIndex index = new FailingOnceIndex();
        DeadLetterIndexing indexing = new DeadLetterIndexing(consumer, null, index, List.of(CHANNEL),
                LegacyResolutions::none);
        Thread loop = new Thread(indexing);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> index.indexed.size() == 1);

            assertThat(index.attempts).hasValue(2);
            assertThat(loop.isAlive()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    consumer.committed(Set.of(PARTITION)).get(PARTITION) != null);
            assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(1);
            assertThat(System.currentTimeMillis() - indexing.lastIndexedMillis()).isLessThan(10_000);
        } finally {
            indexing.stop();
            loop.join(10_000);
        }
    }

    private static ConsumerRecord<String, byte[]> parked() {
        return new ConsumerRecord<>(DEAD_LETTER_TOPIC, 0, 0L, "order-1", new byte[0]);
    }

    /** An index whose first write fails with an error, as a missing class or an exhausted memory would. */
    private static final class FailingOnceIndex extends DeadLetterIndex {

        final AtomicInteger attempts = new AtomicInteger();
        final List<DeadLetter> indexed = new CopyOnWriteArrayList<>();

        FailingOnceIndex() {
            super(null, "orders-service");
        }

        @Override
        public Uni<Void> parked(List<DeadLetter> letters) {
            if (attempts.incrementAndGet() == 1) {
                throw new LinkageError("a class the index needs is missing");
            }
            indexed.addAll(letters);
            return Uni.createFrom().voidItem();
        }
    }
}
