package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.OrderPlaced;
import io.comanda.orders.idempotency.IdempotencyConfig;
import io.comanda.orders.idempotency.IdempotencyKey;
import io.comanda.orders.idempotency.IdempotencyKeyInFlightException;
import io.comanda.orders.idempotency.IdempotencyRecord;
import io.comanda.orders.idempotency.IdempotentExecution;
import io.comanda.orders.idempotency.IdempotentResponse;
import io.comanda.orders.idempotency.NewIdempotencyRecord;
import io.comanda.orders.idempotency.StoredResponse;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What placing an order reads and writes, through the domain's PlacementStore only. */
class OrderPlacementTest {

    private static final IdempotencyKey KEY = IdempotencyKey.parse("order-42");
    private static final PlaceOrderCommand ONE_ESPRESSO = new PlaceOrderCommand(
            List.of(new PlaceOrderCommand.Item(Catalogue.ESPRESSO.sku(), 2)), "pm_card_visa", null);
    private static final StoredResponse CREATED = new StoredResponse(201, "{}", "/orders/1");

    private final ScriptedStore store = new ScriptedStore();
    private final OrderPlacement placement = new OrderPlacement(store, new IdempotentExecution(retention()));

    @Test
    void aNewOrderIsStoredWithItsAnnouncementAndTheKeysRecordInOneTransaction() {
        store.reading = new PlacementReading(true, Optional.empty(), List.of(Catalogue.ESPRESSO));

        IdempotentResponse response = place();

        assertThat(response).isEqualTo(new IdempotentResponse(CREATED, false));
        assertThat(store.transactions).isEqualTo(1);
        assertThat(store.inserted.customerId()).isEqualTo("alice");
        assertThat(store.announced).isInstanceOfSatisfying(OrderPlaced.class,
                placed -> assertThat(placed.orderId()).isEqualTo(store.inserted.id()));
        assertThat(store.record.key()).isEqualTo(KEY.value());
        assertThat(store.record.requestHash()).isEqualTo("hash");
        assertThat(store.record.response()).isEqualTo(CREATED);
    }

    @Test
    void theSameRequestAgainReplaysTheStoredResponseAndWritesNothing() {
        store.reading = new PlacementReading(true, Optional.of(new IdempotencyRecord("hash", CREATED)), List.of());

        assertThat(place()).isEqualTo(new IdempotentResponse(CREATED, true));
        assertThat(store.inserted).isNull();
    }

    @Test
    void aKeyWhoseRecordCommittedMeanwhileIsInFlight() {
        store.reading = new PlacementReading(true, Optional.empty(), List.of(Catalogue.ESPRESSO));
        store.stored = false;

        assertThatThrownBy(this::place).isInstanceOf(IdempotencyKeyInFlightException.class);
    }

    @Test
    void anUnknownProductIsRefusedBeforeAnythingIsWritten() {
        store.reading = new PlacementReading(true, Optional.empty(), List.of());

        assertThatThrownBy(this::place).isInstanceOf(InvalidOrderException.class);
        assertThat(store.inserted).isNull();
    }

    private IdempotentResponse place() {
        return placement.place("alice", KEY, "hash", ONE_ESPRESSO, order -> CREATED).await().indefinitely();
    }

    /** A store that answers the reading the test sets and remembers what was inserted. */
    private static final class ScriptedStore implements PlacementStore, PlacementStore.Transaction {

        PlacementReading reading;
        boolean stored = true;
        int transactions;
        Order inserted;
        ComandaEvent announced;
        NewIdempotencyRecord record;

        @Override
        public <T> Uni<T> inTransaction(Function<Transaction, Uni<T>> work) {
            transactions++;
            return work.apply(this);
        }

        @Override
        public Uni<PlacementReading> lockAndRead(long lockId, String customerId, String key, Collection<String> skus) {
            return Uni.createFrom().item(reading);
        }

        @Override
        public Uni<Boolean> insert(Order order, ComandaEvent announcement, NewIdempotencyRecord record) {
            this.inserted = order;
            this.announced = announcement;
            this.record = record;
            return Uni.createFrom().item(stored);
        }
    }

    // Only the retention is read; a proxy keeps the test independent of the purge's settings.
    private static IdempotencyConfig retention() {
        return (IdempotencyConfig) Proxy.newProxyInstance(IdempotencyConfig.class.getClassLoader(),
                new Class<?>[] {IdempotencyConfig.class}, (proxy, method, args) -> Duration.ofHours(24));
    }
}
