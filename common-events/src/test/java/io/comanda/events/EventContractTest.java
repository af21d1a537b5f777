package io.comanda.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the JSON form of every event version against accidental change. */
class EventContractTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void storedSampleReadsAsTheExpectedEvent(EventType type) {
        ComandaEvent read = EventJson.read(SampleEvents.sample(type), type.javaType());

        assertThat(read).isEqualTo(SampleEvents.BY_TYPE.get(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventWritesExactlyItsStoredSample(EventType type) throws Exception {
        JsonNode written = EventJson.mapper().readTree(EventJson.write(SampleEvents.BY_TYPE.get(type)));
        JsonNode stored = EventJson.mapper().readTree(SampleEvents.sample(type));

        assertThat(written).isEqualTo(stored);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventRoundTripsThroughJson(EventType type) {
        ComandaEvent event = SampleEvents.BY_TYPE.get(type);

        ComandaEvent back = EventJson.read(EventJson.write(event).getBytes(), type.javaType());

        assertThat(back).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownExtraFieldsFromNewerProducersAreIgnored(EventType type) throws Exception {
        ObjectNode newer = (ObjectNode) EventJson.mapper().readTree(SampleEvents.sample(type));
        newer.put("addedInAFutureMinorVersion", "ignored");
        newer.putObject("nested").put("loyaltyTier", "gold");

        ComandaEvent read = EventJson.read(EventJson.mapper().writeValueAsBytes(newer), type.javaType());

        assertThat(read).isEqualTo(SampleEvents.BY_TYPE.get(type));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"ORDER_PLACED_V1", "ORDER_CONFIRMED_V1", "ORDER_CANCELLED_V1"})
    void orderEventsWrittenBeforeTheOptionalVersionStillRead(EventType type) {
        ComandaEvent read = EventJson.read(SampleEvents.sampleBeforeVersion(type), type.javaType());

        assertThat(read).isEqualTo(SampleEvents.BEFORE_VERSION.get(type));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"ORDER_PLACED_V1", "ORDER_CONFIRMED_V1", "ORDER_CANCELLED_V1"})
    void orderEventsCarryTheOrdersVersion(EventType type) throws Exception {
        JsonNode stored = EventJson.mapper().readTree(SampleEvents.sample(type));

        assertThat(stored.path("version").isIntegralNumber()).as("version of " + type).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTypeKnowsItsRecordTopicAndVersionedName(EventType type) {
        ComandaEvent event = SampleEvents.BY_TYPE.get(type);

        assertThat(event.type()).isEqualTo(type);
        assertThat(EventType.fromCeType(type.ceType())).contains(type);
        assertThat(type.ceType()).matches("io\\.comanda\\.[a-z]+\\.[a-z]+\\.v\\d+");
        assertThat(type.topic().topicName()).isIn("comanda.orders", "comanda.payments");
        assertThat(event.aggregateId()).isEqualTo(SampleEvents.ORDER_ID.toString());
    }
}
