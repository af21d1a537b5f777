package io.comanda.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderTest {

    @Test
    void readsTheRecordNamedByCeType() {
        ComandaEvent event = EventReader.read(EventType.PAYMENT_FAILED_V1.ceType(),
                SampleEvents.sample(EventType.PAYMENT_FAILED_V1));

        assertThat(event).isEqualTo(SampleEvents.BY_TYPE.get(EventType.PAYMENT_FAILED_V1));
    }

    @Test
    void unknownCeTypeFailsWithTypedExceptionNamingTheType() {
        assertThatThrownBy(() -> EventReader.read("io.comanda.order.teleported.v1",
                "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("io.comanda.order.teleported.v1");
    }

    @Test
    void missingCeTypeHeaderFailsWithTypedException() {
        assertThatThrownBy(() -> EventReader.read(null, SampleEvents.sample(EventType.ORDER_PLACED_V1)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("no ce_type header");
    }

    @Test
    void malformedJsonFailsWithTypedExceptionAndReason() {
        assertThatThrownBy(() -> EventReader.read(EventType.ORDER_PLACED_V1.ceType(),
                "{\"orderId\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("malformed OrderPlaced data");
    }

    @Test
    void jsonMissingRequiredFieldIsMalformed() {
        assertThatThrownBy(() -> EventReader.read(EventType.ORDER_CONFIRMED_V1.ceType(),
                "{\"orderId\":\"3f0e4b52-8c1d-4a5e-9b7e-2f6a1c0d9e11\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("customerId");
    }

    @Test
    void recordWithoutValueIsMalformedNotNull() {
        assertThatThrownBy(() -> EventReader.read(EventType.ORDER_PLACED_V1.ceType(), null))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void headerTextIsUtf8AndAbsentStaysNull() {
        assertThat(CloudEventHeaders.text("comanda.orders·é".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("comanda.orders·é");
        assertThat(CloudEventHeaders.text(null)).isNull();
    }
}
