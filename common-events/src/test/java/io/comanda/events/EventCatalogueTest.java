package io.comanda.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue of topics and event types every service routes and deserialises by. */
class EventCatalogueTest {

    @Test
    void topicsAreNamedAfterTheirAggregateType() {
        assertThat(Topic.ORDERS.topicName()).isEqualTo("comanda.orders");
        assertThat(Topic.ORDERS.aggregateType()).isEqualTo("orders");
        assertThat(Topic.PAYMENTS.topicName()).isEqualTo("comanda.payments");
        assertThat(Topic.PAYMENTS.aggregateType()).isEqualTo("payments");
        assertThat(Topic.DEFAULT_PARTITIONS).isEqualTo(3);
    }

    @Test
    void ordersAndPaymentsKeepTheirWholeHistory() {
        assertThat(Topic.topicConfigOf("comanda.orders")).containsEntry(Topic.RETENTION_MS, "-1");
        assertThat(Topic.topicConfigOf("comanda.payments")).containsEntry(Topic.RETENTION_MS, "-1");
        assertThat(Topic.topicConfigOf("comanda.orders.some-group.dlq")).isEmpty();
    }

    @Test
    void orderEventsTravelOnTheOrdersTopicAndPaymentEventsOnThePaymentsTopic() {
        assertThat(Arrays.stream(EventType.values()).filter(t -> t.topic() == Topic.ORDERS))
                .containsExactlyInAnyOrder(EventType.ORDER_PLACED_V1, EventType.ORDER_CONFIRMED_V1,
                        EventType.ORDER_CANCELLED_V1);
        assertThat(Arrays.stream(EventType.values()).filter(t -> t.topic() == Topic.PAYMENTS))
                .containsExactlyInAnyOrder(EventType.PAYMENT_SUCCEEDED_V1, EventType.PAYMENT_FAILED_V1);
    }

    @Test
    void everyCeTypeIsUniqueAndNamesItsTopicsAggregate() {
        List<String> ceTypes = Arrays.stream(EventType.values()).map(EventType::ceType).toList();

        assertThat(ceTypes).doesNotHaveDuplicates();
        assertThat(EventType.values()).allSatisfy(type -> assertThat(type.ceType())
                .startsWith("io.comanda." + type.topic().aggregateType().replaceAll("s$", "") + "."));
    }

    @Test
    void everyEventRecordHasExactlyOneCatalogueEntry() {
        List<Class<?>> records = eventRecords(ComandaEvent.class).toList();

        assertThat(Arrays.stream(EventType.values()).<Class<?>>map(EventType::javaType).toList())
                .containsExactlyInAnyOrderElementsOf(records);
        assertThat(EventType.of(OrderPlaced.class)).isEqualTo(EventType.ORDER_PLACED_V1);
        assertThat(EventType.of(PaymentFailed.class)).isEqualTo(EventType.PAYMENT_FAILED_V1);
    }

    @Test
    void unknownOrMissingCeTypeIsNoEventType() {
        assertThat(EventType.fromCeType(null)).isEmpty();
        assertThat(EventType.fromCeType("")).isEmpty();
        assertThat(EventType.fromCeType("io.comanda.order.placed.v2")).isEmpty();
        assertThat(EventType.fromCeType("IO.COMANDA.ORDER.PLACED.V1")).isEmpty();
        assertThat(EventType.fromCeType("io.comanda.payment.succeeded.v1")).contains(EventType.PAYMENT_SUCCEEDED_V1);
    }

    @Test
    void anOrderPlacedHasAtLeastOneItemAndKeepsItsOwnCopyOfThem() {
        List<LineItem> items = new ArrayList<>(List.of(new LineItem("MUG-CERAMIC", 1, Money.of(890, "EUR"))));
        OrderPlaced placed = new OrderPlaced(UUID.randomUUID(), "customer", items, Money.of(890, "EUR"),
                "pm_card_visa", Instant.EPOCH);
        items.clear();

        assertThat(placed.items()).hasSize(1);
        assertThatThrownBy(() -> placed.items().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new OrderPlaced(UUID.randomUUID(), "customer", List.of(), Money.of(0, "EUR"),
                "pm_card_visa", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentEventsAreKeyedByTheirOrderNotByThePayment() {
        UUID orderId = UUID.randomUUID();
        PaymentSucceeded succeeded = new PaymentSucceeded(UUID.randomUUID(), orderId, "customer",
                Money.of(100, "EUR"), "pi_1", Instant.EPOCH);

        assertThat(succeeded.aggregateId()).isEqualTo(orderId.toString());
        assertThat(succeeded.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1);
    }

    /** The records below a sealed type, through sealed sub-interfaces such as {@code PaymentOutcome}. */
    private static java.util.stream.Stream<Class<?>> eventRecords(Class<?> type) {
        return type.isSealed()
                ? Arrays.stream(type.getPermittedSubclasses()).flatMap(EventCatalogueTest::eventRecords)
                : java.util.stream.Stream.of(type);
    }
}
