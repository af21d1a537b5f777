package io.comanda.events;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComandaEventDeserializerTest {

    private final ComandaEventDeserializer deserializer = new ComandaEventDeserializer();

    @Test
    void readsTheRecordNamedByCeType() {
        ComandaEvent event = deserializer.deserialize("comanda.payments",
                headers("io.comanda.payment.failed.v1"), SampleEvents.sample(EventType.PAYMENT_FAILED_V1));

        assertThat(event).isEqualTo(SampleEvents.BY_TYPE.get(EventType.PAYMENT_FAILED_V1));
    }

    @Test
    void unknownCeTypeFailsWithTypedExceptionNamingTheType() {
        assertThatThrownBy(() -> deserializer.deserialize("comanda.orders",
                headers("io.comanda.order.teleported.v1"), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("io.comanda.order.teleported.v1");
    }

    @Test
    void missingCeTypeHeaderFailsWithTypedException() {
        assertThatThrownBy(() -> deserializer.deserialize("comanda.orders", new RecordHeaders(),
                SampleEvents.sample(EventType.ORDER_PLACED_V1)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("no ce_type header");
    }

    @Test
    void malformedJsonFailsWithTypedExceptionAndReason() {
        assertThatThrownBy(() -> deserializer.deserialize("comanda.orders",
                headers("io.comanda.order.placed.v1"), "{\"orderId\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("malformed OrderPlaced data");
    }

    @Test
    void jsonMissingRequiredFieldIsMalformed() {
        assertThatThrownBy(() -> deserializer.deserialize("comanda.orders",
                headers("io.comanda.order.confirmed.v1"), "{\"orderId\":\"3f0e4b52-8c1d-4a5e-9b7e-2f6a1c0d9e11\"}"
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("customerId");
    }

    @Test
    void recordWithoutValueIsMalformedNotNull() {
        assertThatThrownBy(() -> deserializer.deserialize("comanda.orders", headers("io.comanda.order.placed.v1"), (byte[]) null))
                .isInstanceOf(MalformedEventException.class);
    }

    private static RecordHeaders headers(String ceType) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
