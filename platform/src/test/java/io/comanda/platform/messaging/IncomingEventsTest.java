package io.comanda.platform.messaging;

import io.comanda.events.EventJson;
import io.comanda.events.EventType;
import io.comanda.events.MalformedEventException;
import io.comanda.events.Money;
import io.comanda.events.PaymentSucceeded;
import io.comanda.events.UnknownEventTypeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which Kafka records are Comanda events, and the dead-letter reason of those that are not. */
class IncomingEventsTest {

    private static final UUID CE_ID = UUID.fromString("0b7c6a2e-7d0f-4b8e-9f3a-5c1d2e3f4a5b");
    private static final PaymentSucceeded EVENT = new PaymentSucceeded(UUID.randomUUID(), UUID.randomUUID(), "alice",
            Money.of(6048, "EUR"), "pi_1", Instant.parse("2026-11-27T10:15:30Z"));
    private static final byte[] VALUE = EventJson.write(EVENT).getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheEventWithItsIdTypeAndCorrelationId() {
        IncomingEvent incoming = IncomingEvents.read(
                headers("ce_id", CE_ID.toString(), "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType(),
                        "ce_correlationid", "flow-1"), VALUE);

        assertThat(incoming).isEqualTo(new IncomingEvent(CE_ID, EventType.PAYMENT_SUCCEEDED_V1.ceType(), "flow-1", EVENT));
    }

    @Test
    void aRecordWithoutCorrelationIdIsStillAnEvent() {
        IncomingEvent incoming = IncomingEvents.read(
                headers("ce_id", CE_ID.toString(), "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType()), VALUE);

        assertThat(incoming.correlationId()).isNull();
    }

    @Test
    void theLastHeaderOfANameCounts() {
        RecordHeaders headers = headers("ce_id", UUID.randomUUID().toString(), "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType());
        headers.add("ce_id", CE_ID.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(IncomingEvents.read(headers, VALUE).id()).isEqualTo(CE_ID);
    }

    @Test
    void aRecordWithoutAUuidCeIdIsMalformed() {
        assertThatThrownBy(() -> IncomingEvents.read(
                headers("ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType()), VALUE))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("header ce_id is not a UUID: null");
        assertThatThrownBy(() -> IncomingEvents.read(
                headers("ce_id", "42", "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType()), VALUE))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("header ce_id is not a UUID: 42");
    }

    @Test
    void aRecordOfAnUnknownTypeNamesTheType() {
        assertThatThrownBy(() -> IncomingEvents.read(
                headers("ce_id", CE_ID.toString(), "ce_type", "io.comanda.payment.refunded.v1"), VALUE))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessage("unknown ce_type 'io.comanda.payment.refunded.v1'");
    }

    @Test
    void dataThatIsNotTheNamedEventIsMalformed() {
        assertThatThrownBy(() -> IncomingEvents.read(
                headers("ce_id", CE_ID.toString(), "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType()),
                "{\"orderId\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("malformed PaymentSucceeded data");
    }

    private static RecordHeaders headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
