package io.comanda.searchindexer.messaging;

import io.comanda.platform.messaging.BatchConsumerPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the search documents up to date from {@code comanda.orders}, a batch at a time: the
 * platform's batch policy dead-letters what cannot be read or applied, the indexer applies the rest.
 * No inbox: the version rule makes a redelivered event write nothing, which is what an inbox is for.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final String CHANNEL = "orders";

    private final BatchConsumerPolicy policy;
    private final OrderEventIndexer indexer;

    public OrderEventsConsumer(BatchConsumerPolicy policy, OrderEventIndexer indexer) {
        this.policy = policy;
        this.indexer = indexer;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return policy.consume(CHANNEL, batch, indexer::index);
    }
}
