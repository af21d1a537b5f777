package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.EventType;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;
import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** How an order is priced when placed, and how its payment's outcome moves it: PENDING, then final. */
class OrderTest {

    private static final UUID ORDER_ID = UUID.fromString("3f0e4b52-8c1d-4a5e-9b7e-2f6a1c0d9e11");
    private static final Instant PLACED_AT = Instant.parse("2026-11-27T10:15:30Z");
    private static final Instant SETTLED_AT = Instant.parse("2026-11-27T10:15:31Z");

    @Test
    void aNewOrderIsPendingAndPricedFromTheCatalogue() {
        Order order = espressoOrder();

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.total()).isEqualTo(Money.of(2 * 1299 + 3450, "EUR"));
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.customerId()).isEqualTo("alice");
        assertThat(order.paymentMethod()).isEqualTo("pm_card_visa");
        assertThat(order.note()).isEqualTo("ring twice");
        assertThat(order.createdAt()).isEqualTo(PLACED_AT);
        assertThat(order.updatedAt()).isEqualTo(PLACED_AT);
        assertThat(order.declineReason()).isNull();
    }

    @Test
    void linesKeepTheCustomersOrderAndFreezeNameAndPrice() {
        List<OrderLine> lines = espressoOrder().lines();

        assertThat(lines).extracting(OrderLine::lineNo, OrderLine::sku, OrderLine::name, OrderLine::quantity)
                .containsExactly(
                        tuple(1, "ESPRESSO-250G", "Espresso beans, 250 g", 2),
                        tuple(2, "MOKA-POT-3", "Moka pot \"Classic\", 3 cups", 1));
        assertThat(lines.get(0).unitPrice("EUR")).isEqualTo(Money.of(1299, "EUR"));
        assertThat(lines.get(1).unitPrice("EUR")).isEqualTo(Money.of(3450, "EUR"));
    }

    @Test
    void theLinesShownAreACopyThatCannotChangeTheOrder() {
        Order order = espressoOrder();

        assertThatThrownBy(() -> order.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(order.lines()).hasSize(2);
    }

    @Test
    void orderPlacedCarriesTheNamedPricedLinesTheTotalThePaymentMethodTheNoteAndVersionOne() {
        OrderPlaced placed = espressoOrder().placedEvent();

        assertThat(placed).isEqualTo(new OrderPlaced(ORDER_ID, "alice",
                List.of(new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR"), "Espresso beans, 250 g"),
                        new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR"), "Moka pot \"Classic\", 3 cups")),
                Money.of(6048, "EUR"), "pm_card_visa", PLACED_AT, "ring twice", 1L));
    }

    @Test
    void anOrderWithoutItemsIsRefused() {
        assertThatThrownBy(() -> Order.place(ORDER_ID, "alice", List.of(), "pm_card_visa", null, PLACED_AT))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessage("An order needs at least one item.");
    }

    @Test
    void aProductNoLongerSoldIsRefusedByName() {
        assertThatThrownBy(() -> Order.place(ORDER_ID, "alice",
                List.of(new Order.PricedQuantity(Catalogue.ESPRESSO, 1), new Order.PricedQuantity(Catalogue.RETIRED_MUG, 1)),
                "pm_card_visa", null, PLACED_AT))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessage("Product MUG-OLD is no longer sold.");
    }

    @Test
    void itemsPricedInDifferentCurrenciesAreRefused() {
        assertThatThrownBy(() -> Order.place(ORDER_ID, "alice",
                List.of(new Order.PricedQuantity(Catalogue.ESPRESSO, 1), new Order.PricedQuantity(Catalogue.SWISS_CHOCOLATE, 1)),
                "pm_card_visa", null, PLACED_AT))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("same currency");
    }

    @Test
    void paymentSucceededConfirmsAPendingOrderAndAnnouncesItWithThePaymentTotalAndNextVersion() {
        Order order = espressoOrder();
        UUID paymentId = UUID.randomUUID();

        Optional<ComandaEvent> announcement = order.settle(succeeded(paymentId), SETTLED_AT);

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.updatedAt()).isEqualTo(SETTLED_AT);
        assertThat(announcement).contains(new OrderConfirmed(ORDER_ID, "alice", paymentId, Money.of(6048, "EUR"),
                SETTLED_AT, 2L));
    }

    @Test
    void paymentFailedCancelsAPendingOrderWithTheDeclineReasonAndNextVersion() {
        Order order = espressoOrder();

        Optional<ComandaEvent> announcement = order.settle(failed(), SETTLED_AT);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.declineReason()).isEqualTo("Your card has insufficient funds.");
        assertThat(order.updatedAt()).isEqualTo(SETTLED_AT);
        assertThat(announcement).contains(new OrderCancelled(ORDER_ID, "alice", "insufficient_funds",
                "Your card has insufficient funds.", SETTLED_AT, 2L));
    }

    @Test
    void aConfirmedOrderIgnoresEveryLaterOutcome() {
        Order order = espressoOrder();
        order.settle(succeeded(UUID.randomUUID()), SETTLED_AT);

        assertThat(order.settle(failed(), SETTLED_AT.plusSeconds(5))).isEmpty();
        assertThat(order.settle(succeeded(UUID.randomUUID()), SETTLED_AT.plusSeconds(6))).isEmpty();

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.updatedAt()).isEqualTo(SETTLED_AT);
        assertThat(order.declineReason()).isNull();
    }

    @Test
    void aCancelledOrderIsNeverConfirmedByALateSuccess() {
        Order order = espressoOrder();
        order.settle(failed(), SETTLED_AT);

        assertThat(order.settle(succeeded(UUID.randomUUID()), SETTLED_AT.plusSeconds(5))).isEmpty();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.updatedAt()).isEqualTo(SETTLED_AT);
    }

    @Test
    void anEventThatIsNotAPaymentOutcomeIsRefusedAndLeavesTheOrderPending() {
        Order order = espressoOrder();

        assertThatThrownBy(() -> order.settle(order.placedEvent(), SETTLED_AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EventType.ORDER_PLACED_V1.ceType());
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void anOrderIsVisibleToItsCustomerOnly() {
        Order order = espressoOrder();

        assertThat(order.isVisibleTo("alice")).isTrue();
        assertThat(order.isVisibleTo("bob")).isFalse();
        assertThat(order.isVisibleTo(null)).isFalse();
    }

    private static Order espressoOrder() {
        return Order.place(ORDER_ID, "alice",
                List.of(new Order.PricedQuantity(Catalogue.ESPRESSO, 2), new Order.PricedQuantity(Catalogue.MOKA_POT, 1)),
                "pm_card_visa", "ring twice", PLACED_AT);
    }

    private static PaymentSucceeded succeeded(UUID paymentId) {
        return new PaymentSucceeded(paymentId, ORDER_ID, "alice", Money.of(6048, "EUR"), "pi_123", SETTLED_AT);
    }

    private static PaymentFailed failed() {
        return new PaymentFailed(UUID.randomUUID(), ORDER_ID, "alice", Money.of(6048, "EUR"), "insufficient_funds",
                "Your card has insufficient funds.", SETTLED_AT);
    }
}
