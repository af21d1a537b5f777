package io.comanda.platform.deadletters;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolutions an earlier version kept on its compacted topic: the last of a place counts. */
class LegacyResolutionsTest {

    private static final String TOPIC = "comanda.payments.orders-service.dlq";

    @Test
    void theLastResolutionOfAPlaceCountsAndAnEmptyOneRemovesIt() {
        var byPlace = LegacyResolutions.of(List.of(
                kept(TOPIC + "-0-1", "{\"action\":\"REPLAYED\",\"by\":\"ann\",\"at\":\"2026-01-02T03:04:05Z\"}"),
                kept(TOPIC + "-0-1", "{\"action\":\"DISCARDED\",\"by\":\"bob\",\"at\":\"2026-01-03T03:04:05Z\","
                        + "\"reason\":\"cancelled by hand\"}"),
                kept(TOPIC + "-0-2", "{\"action\":\"DISCARDED\",\"by\":\"bob\",\"at\":\"2026-01-03T03:04:05Z\"}"),
                kept(TOPIC + "-0-2", null)));

        assertThat(byPlace).containsOnlyKeys(TOPIC + "-0-1");
        assertThat(byPlace.get(TOPIC + "-0-1")).isEqualTo(new Resolution(Resolution.Action.DISCARDED, "bob",
                "2026-01-03T03:04:05Z", "cancelled by hand"));
    }

    @Test
    void anUnreadableResolutionIsLeftOut() {
        assertThat(LegacyResolutions.of(List.of(kept(TOPIC + "-0-1", "not json"),
                kept(TOPIC + "-0-2", "{\"action\":\"FORGOTTEN\",\"at\":\"2026-01-03T03:04:05Z\"}"),
                kept(TOPIC + "-0-3", "{\"action\":\"REPLAYED\",\"at\":\"yesterday\"}")))).isEmpty();
    }

    @Test
    void aLetterIndexedAtAResolvedPlaceTakesItsResolution() {
        LegacyResolutions legacy = new LegacyResolutions(LegacyResolutions.of(List.of(
                kept(TOPIC + "-0-1", "{\"action\":\"REPLAYED\",\"by\":\"ann\",\"at\":\"2026-01-02T03:04:05Z\"}"))));
        DeadLetter resolved = letter(1);
        DeadLetter other = letter(2);

        assertThat(legacy.of(List.of(resolved, other))).singleElement().satisfies(earlier -> {
            assertThat(earlier.letter()).isSameAs(resolved);
            assertThat(earlier.resolution().action()).isEqualTo(Resolution.Action.REPLAYED);
            assertThat(earlier.at()).hasToString("2026-01-02T03:04:05Z");
        });
    }

    private static DeadLetter letter(long offset) {
        return new DeadLetter(null, "orders-service", "comanda.payments",
                new ConsumerRecord<>(TOPIC, 0, offset, "order-1", new byte[0]));
    }

    private static ConsumerRecord<String, byte[]> kept(String place, String json) {
        return new ConsumerRecord<>(TOPIC + ".resolutions", 0, 0, place,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
}
