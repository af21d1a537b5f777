package io.comanda.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events the stored samples must describe, field for field. A sample and its record can only
 * change together, on purpose, in a reviewed commit.
 */
final class SampleEvents {

    static final UUID ORDER_ID = UUID.fromString("3f0e4b52-8c1d-4a5e-9b7e-2f6a1c0d9e11");
    static final UUID PAYMENT_ID = UUID.fromString("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d");
    static final String CUSTOMER_ID = "6d1c2b8a-0f3e-4c5d-8a9b-7e6f5d4c3b2a";
    static final Money TOTAL = Money.of(6048, "EUR");

    static final Map<EventType, ComandaEvent> BY_TYPE = Map.of(
            EventType.ORDER_PLACED_V1, new OrderPlaced(ORDER_ID, CUSTOMER_ID,
                    List.of(new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR"), "Espresso beans, 250 g"),
                            new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR"), "Moka pot \"Classic\", 3 cups")),
                    TOTAL, "pm_card_visa", Instant.parse("2026-11-27T10:15:30.123Z"), "ring twice", 1L),
            EventType.ORDER_CONFIRMED_V1, new OrderConfirmed(ORDER_ID, CUSTOMER_ID, PAYMENT_ID, TOTAL,
                    Instant.parse("2026-11-27T10:15:30.456Z"), 2L),
            EventType.ORDER_CANCELLED_V1, new OrderCancelled(ORDER_ID, CUSTOMER_ID, "card_declined",
                    "Your card was declined.", Instant.parse("2026-11-27T10:15:30.456Z"), 2L),
            EventType.PAYMENT_SUCCEEDED_V1, new PaymentSucceeded(PAYMENT_ID, ORDER_ID, CUSTOMER_ID, TOTAL,
                    "pi_3QdemoQ8Zx1a2b3c4d5e6f7g", Instant.parse("2026-11-27T10:15:30.301Z")),
            EventType.PAYMENT_FAILED_V1, new PaymentFailed(PAYMENT_ID, ORDER_ID, CUSTOMER_ID, TOTAL,
                    "card_declined", "Your card was declined.", Instant.parse("2026-11-27T10:15:30.301Z")));

    /**
     * The order events as producers wrote them before the optional {@code version}, {@code note} and
     * line {@code name} fields existed: consumers must still read them.
     */
    static final Map<EventType, ComandaEvent> BEFORE_VERSION = Map.of(
            EventType.ORDER_PLACED_V1, new OrderPlaced(ORDER_ID, CUSTOMER_ID,
                    List.of(new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR")),
                            new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR"))),
                    TOTAL, "pm_card_visa", Instant.parse("2026-11-27T10:15:30.123Z")),
            EventType.ORDER_CONFIRMED_V1, new OrderConfirmed(ORDER_ID, CUSTOMER_ID, PAYMENT_ID, TOTAL,
                    Instant.parse("2026-11-27T10:15:30.456Z")),
            EventType.ORDER_CANCELLED_V1, new OrderCancelled(ORDER_ID, CUSTOMER_ID, "card_declined",
                    "Your card was declined.", Instant.parse("2026-11-27T10:15:30.456Z")));

    private SampleEvents() {
    }

    static byte[] sampleBeforeVersion(EventType type) {
        return read("/samples-before-version/" + type.ceType() + ".json");
    }

    static byte[] sample(EventType type) {
        return read("/META-INF/comanda/event-samples/" + type.ceType() + ".json");
    }

    private static byte[] read(String path) {
        try (InputStream in = SampleEvents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no stored sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
